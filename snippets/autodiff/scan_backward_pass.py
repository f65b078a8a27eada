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


def operands(eqn):
    """A scan's inputs, split into loop constants, initial carry and per-step inputs."""
    n_consts, n_carry = eqn.params["num_consts"], eqn.params["num_carry"]
    ins = eqn.invars
    return ins[:n_consts], ins[n_consts:n_consts + n_carry], ins[n_consts + n_carry:]


def describe(eqn):
    consts, carry, per_step = operands(eqn)
    n_carry = eqn.params["num_carry"]
    print(f"scan reverse={eqn.params['reverse']}")
    print("  constants:", [str(v.aval) for v in consts])
    print("  carry:    ", [str(v.aval) for v in carry],
          "->", [str(v.aval) for v in eqn.outvars[:n_carry]])
    print("  per step: ", [str(v.aval) for v in per_step],
          "->", [str(v.aval) for v in eqn.outvars[n_carry:]])
# [END describe]


# [START grad_scans]
grad_jaxpr = jax.make_jaxpr(jax.grad(loss))(w, xs).jaxpr
forward, backward = scans_in(grad_jaxpr)
describe(forward)
describe(backward)
# [END grad_scans]

# [START residual_flow]
# forward outputs: the carry, the ys, then the stacked residuals
residuals = forward.outvars[forward.params["num_carry"] + 1:]
back_consts, back_carry, back_per_step = operands(backward)
residuals_consumed = all(any(r is x for x in back_per_step) for r in residuals)
shapes_in_program = [v.aval.shape for e in grad_jaxpr.eqns for v in e.outvars]
print(len(residuals), "stacked residuals, all read by the backward scan:", residuals_consumed)
print("w is the backward scan's only constant:", back_consts == operands(forward)[0])
print("any array with one w per step:", (STEPS, HIDDEN, HIDDEN) in shapes_in_program)
# [END residual_flow]

stacked_shape = (STEPS, HIDDEN)
w_is_constant = [v.aval.shape for v in back_consts] == [(HIDDEN, HIDDEN)]
w_grad_in_carry = (HIDDEN, HIDDEN) in [v.aval.shape for v in back_carry]
w_never_stacked = (STEPS, HIDDEN, HIDDEN) not in shapes_in_program

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
print("linearize:", [(e.params["reverse"], [str(v.aval) for v in operands(e)[2]])
                     for e in scans_in(tangent_jaxpr)])
print("vjp:      ", [(e.params["reverse"], [str(v.aval) for v in operands(e)[2]])
                     for e in scans_in(cotangent_jaxpr)])

(linear_scan,) = scans_in(tangent_jaxpr)
(transposed_scan,) = scans_in(cotangent_jaxpr)
linear_reads = sorted(str(v.aval) for v in operands(linear_scan)[2])
transposed_reads = sorted(str(v.aval) for v in operands(transposed_scan)[2])
# the transposed scan reads the same residuals, plus the per-step cotangent of the outputs
same_residuals = transposed_reads == sorted([*linear_reads, f"float32[{STEPS}]"])
print("same residuals, plus the output cotangents:", same_residuals)
# [END linearize_vs_vjp]


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

chunk = jnp.arange(STEPS) // TRUNCATE
across = chunk[:, None] != chunk[None, :]
print("largest influence across chunks: full",
      float(jnp.max(jnp.abs(jnp.where(across, influence_full, 0.0)))),
      "truncated", float(jnp.max(jnp.abs(jnp.where(across, influence_truncated, 0.0)))))
print("largest change within chunks:",
      float(jnp.max(jnp.abs(jnp.where(across, 0.0, influence_full - influence_truncated)))))
# [END truncated]

lower = jnp.arange(STEPS)[:, None] > jnp.arange(STEPS)[None, :]
cut_entries_zero = bool(jnp.all(jnp.where(across, influence_truncated, 0.0) == 0.0))
cut_entries_were_nonzero = bool(jnp.all(jnp.where(across & lower, influence_full, 1.0) != 0.0))
kept_entries_equal = bool(jnp.allclose(jnp.where(across, 0.0, influence_full),
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
