"""Reverse mode through lax.scan: gradients for the initial carry and every input step."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax

HIDDEN, FEATURES, STEPS = 3, 2, 5
k_w, k_u, k_v, k_x = jax.random.split(jax.random.key(11), 4)
params = {
    "w": 0.8 * jax.random.normal(k_w, (HIDDEN, HIDDEN)) / HIDDEN**0.5,
    "u": jax.random.normal(k_u, (HIDDEN, FEATURES)),
    "v": jax.random.normal(k_v, (HIDDEN,)),
}


def cell(params, h, x):
    h = jnp.tanh(params["w"] @ h + params["u"] @ x)
    return h, params["v"] @ h      # new carry, this step's output


def loss(params, h0, xs):
    _, ys = lax.scan(lambda h, x: cell(params, h, x), h0, xs)
    return jnp.sum(ys**2)


h0 = jnp.zeros(HIDDEN)
xs = jax.random.normal(k_x, (STEPS, FEATURES))
# [END define]

# [START grads]
d_h0, d_xs = jax.grad(loss, argnums=(1, 2))(params, h0, xs)
print("h0", h0.shape, "-> d_h0", d_h0.shape)
print("xs", xs.shape, "-> d_xs", d_xs.shape)
d_xs
# [END grads]

# [START backward_program]
grad_jaxpr = jax.make_jaxpr(jax.grad(loss, argnums=2))(params, h0, xs)
scans = [e for e in grad_jaxpr.jaxpr.eqns if e.primitive.name == "scan"]
for eqn in scans:
    shapes = [str(v.aval) for v in eqn.outvars]
    print(f"scan reverse={eqn.params['reverse']} "
          f"length={eqn.params['length']}: outputs {shapes}")
# [END backward_program]

scan_summaries = [
    (eqn.params["reverse"], [v.aval.shape for v in eqn.outvars]) for eqn in scans]


# [START reverse_scan]
def loss_backwards(params, h0, xs):
    _, ys = lax.scan(lambda h, x: cell(params, h, x), h0, xs,
                     reverse=True)
    return jnp.sum(ys**2)


d_xs_reversed = jax.grad(loss_backwards, argnums=2)(params, h0, xs)
d_xs_flipped = jax.grad(loss, argnums=2)(params, h0, xs[::-1])[::-1]
print(jnp.max(jnp.abs(d_xs_reversed - d_xs_flipped)))
# [END reverse_scan]

# [START exercise_solution]
def loss_unrolled(params, h0, xs):
    # same arithmetic, one Python iteration per step
    h, total = h0, 0.0
    for x in xs:
        h, y = cell(params, h, x)
        total = total + y**2
    return total


d_params = jax.grad(loss)(params, h0, xs)
d_params_unrolled = jax.grad(loss_unrolled)(params, h0, xs)
for name in params:
    gap = jnp.max(jnp.abs(d_params[name] - d_params_unrolled[name]))
    print(f"{name}: shape {d_params[name].shape}, "
          f"max gap to unrolled {float(gap):.1e}")
# [END exercise_solution]
