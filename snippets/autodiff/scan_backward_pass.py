"""How JAX builds the backward pass of lax.scan: residuals stacked forward, consumed in reverse."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax

HIDDEN, STEPS = 4, 12
k_w, k_x = jax.random.split(jax.random.key(0))
w = 0.9 * jax.random.normal(k_w, (HIDDEN, HIDDEN)) / HIDDEN**0.5
xs = jax.random.normal(k_x, (STEPS, HIDDEN))


def outputs(w, xs):
    def step(h, x):
        h = jnp.tanh(w @ h + x)   # w is the same at every step
        return h, jnp.sum(h)

    _, ys = lax.scan(step, jnp.zeros(HIDDEN), xs)
    return ys


def loss(w, xs):
    return jnp.sum(outputs(w, xs) ** 2)
# [END define]


# [START describe]
def scans_in(jaxpr):
    return [e for e in jaxpr.eqns if e.primitive.name == "scan"]


def describe(eqn):
    """Split a scan's operands into loop constants, carry and per-step inputs."""
    n_consts, n_carry = eqn.params["num_consts"], eqn.params["num_carry"]
    ins = [str(v.aval) for v in eqn.invars]
    outs = [str(v.aval) for v in eqn.outvars]
    print(f"scan reverse={eqn.params['reverse']}")
    print("  constants:", ins[:n_consts])
    print("  carry:    ", ins[n_consts:n_consts + n_carry], "->", outs[:n_carry])
    print("  per step: ", ins[n_consts + n_carry:], "->", outs[n_carry:])
# [END describe]


# [START grad_scans]
grad_jaxpr = jax.make_jaxpr(jax.grad(loss))(w, xs).jaxpr
forward, backward = scans_in(grad_jaxpr)
describe(forward)
describe(backward)
# [END grad_scans]


def split(eqn):
    n_consts, n_carry = eqn.params["num_consts"], eqn.params["num_carry"]
    return (eqn.invars[:n_consts], eqn.invars[n_consts:n_consts + n_carry],
            eqn.invars[n_consts + n_carry:])


stacked_shape = (STEPS, HIDDEN)
residuals = [v for v in forward.outvars[1 + 1:] if v.aval.shape == stacked_shape]
_, _, backward_xs = split(backward)
backward_consts, backward_carry, _ = split(backward)
# every stacked residual of the forward scan is a per-step input of the backward scan
residuals_consumed = all(any(r is x for x in backward_xs) for r in residuals)
# w is a constant of both scans; its gradient is a carry of the backward scan
w_is_constant = [v.aval.shape for v in backward_consts] == [(HIDDEN, HIDDEN)]
w_grad_in_carry = (HIDDEN, HIDDEN) in [v.aval.shape for v in backward_carry]
all_shapes = [v.aval.shape for e in grad_jaxpr.eqns for v in (*e.invars, *e.outvars)
              if hasattr(v, "aval")]
w_never_stacked = (STEPS, HIDDEN, HIDDEN) not in all_shapes

# [START backward_body]
print(backward.params["jaxpr"])
# [END backward_body]

# [START saved_residuals]
from jax.ad_checkpoint import print_saved_residuals

print_saved_residuals(loss, w, xs)
# [END saved_residuals]

# [START linearize_vs_vjp]
def loss_of_w(w):
    return loss(w, xs)


_, push_tangent = jax.linearize(loss_of_w, w)    # w_dot -> d loss
_, pull_cotangent = jax.vjp(loss_of_w, w)        # loss_bar -> w_bar
tangent_jaxpr = jax.make_jaxpr(push_tangent)(w).jaxpr
cotangent_jaxpr = jax.make_jaxpr(pull_cotangent)(1.0).jaxpr
print("linearize:", [(e.params["reverse"], [str(v.aval) for v in split(e)[2]])
                     for e in scans_in(tangent_jaxpr)])
print("vjp:      ", [(e.params["reverse"], [str(v.aval) for v in split(e)[2]])
                     for e in scans_in(cotangent_jaxpr)])
# [END linearize_vs_vjp]

(linear_scan,) = scans_in(tangent_jaxpr)
(transposed_scan,) = scans_in(cotangent_jaxpr)
linear_stacked = sorted(str(v.aval) for v in split(linear_scan)[2])
transposed_stacked = sorted(str(v.aval) for v in split(transposed_scan)[2])
# the transposed scan reads the same residuals, plus the per-step cotangent of the outputs
same_residuals = (transposed_stacked == sorted([*linear_stacked, f"float32[{STEPS}]"])
                  and not linear_scan.params["reverse"] and transposed_scan.params["reverse"])

# [START truncated]
import numpy as np

TRUNCATE = 4   # cut the gradient path every TRUNCATE steps


def outputs_truncated(w, xs, every=TRUNCATE):
    def step(h, t_x):
        t, x = t_x
        # same value; no gradient flows back through h at steps 0, k, 2k, ...
        h = jnp.where(t % every == 0, lax.stop_gradient(h), h)
        h = jnp.tanh(w @ h + x)
        return h, jnp.sum(h)

    _, ys = lax.scan(step, jnp.zeros(HIDDEN), (jnp.arange(STEPS), xs))
    return ys


def loss_truncated(w, xs):
    return jnp.sum(outputs_truncated(w, xs) ** 2)


# influence[s, t]: how output s moves with the inputs of step t
influence_full = jax.jacrev(outputs, argnums=1)(w, xs).sum(-1)
influence_truncated = jax.jacrev(outputs_truncated, argnums=1)(w, xs).sum(-1)
print(np.array2string(np.asarray(influence_truncated), precision=2, suppress_small=True))
# [END truncated]

chunk = jnp.arange(STEPS) // TRUNCATE
same_chunk = chunk[:, None] == chunk[None, :]
lower = jnp.arange(STEPS)[:, None] > jnp.arange(STEPS)[None, :]
cut_entries_zero = bool(jnp.all(jnp.where(same_chunk, 0.0, influence_truncated) == 0.0))
cut_entries_were_nonzero = bool(jnp.all(jnp.where(~same_chunk & lower, influence_full, 1.0) != 0.0))
kept_entries_equal = bool(jnp.allclose(jnp.where(same_chunk, influence_full, 0.0),
                                       influence_truncated, atol=1e-6))

# [START truncated_grad]
g_full = jax.grad(loss)(w, xs)
g_truncated = jax.grad(loss_truncated)(w, xs)
relative_change = jnp.linalg.norm(g_truncated - g_full) / jnp.linalg.norm(g_full)
print("loss:", loss(w, xs), "truncated:", loss_truncated(w, xs))
print(f"gradient of w changes by {float(relative_change):.1%}")
(forward_truncated, _) = scans_in(jax.make_jaxpr(jax.grad(loss_truncated))(w, xs).jaxpr)
print("stacked by the forward scan:",
      [str(v.aval) for v in forward_truncated.outvars[forward_truncated.params["num_carry"]:]])
# [END truncated_grad]

same_loss = bool(loss(w, xs) == loss_truncated(w, xs))
stacked_truncated = [v.aval.shape for v in forward_truncated.outvars[1:]]
still_stacks_every_step = stacked_truncated.count(stacked_shape) >= len(residuals)


# [START exercise_solution]
def loss_w_per_step(ws, xs):
    def step(h, w_x):
        w_t, x = w_x
        h = jnp.tanh(w_t @ h + x)
        return h, jnp.sum(h)

    _, ys = lax.scan(step, jnp.zeros(HIDDEN), (ws, xs))
    return jnp.sum(ys**2)


ws = jnp.broadcast_to(w, (STEPS, HIDDEN, HIDDEN))
d_ws = jax.grad(loss_w_per_step)(ws, xs)
per_step_backward = scans_in(jax.make_jaxpr(jax.grad(loss_w_per_step))(ws, xs).jaxpr)[1]
describe(per_step_backward)
print("summed over steps equals the carried gradient:",
      bool(jnp.allclose(d_ws.sum(0), jax.grad(loss)(w, xs), atol=1e-5)))
# [END exercise_solution]
