"""jax.linearize: linearize once, push many tangents; what it keeps for scan and while_loop."""

# [START many_tangents]
import jax
import jax.numpy as jnp
from jax import lax

K_W, K_T = jax.random.split(jax.random.key(4))
weights = 0.5 * jax.random.normal(K_W, (3, 3))


def rollout(h0, steps=20):
    def step(h, _):
        return jnp.tanh(weights @ h), None

    return lax.scan(step, h0, None, length=steps)[0]


h0 = jnp.array([0.5, -0.2, 0.1])
final, push = jax.linearize(rollout, h0)       # one forward pass, residuals kept
tangents = jax.random.normal(K_T, (5, 3))
pushed = jax.vmap(push)(tangents)               # five Jacobian-vector products
one_by_one = jnp.stack([jax.jvp(rollout, (h0,), (t,))[1] for t in tangents])
print("largest difference from jvp:", float(jnp.max(jnp.abs(pushed - one_by_one))))
# [END many_tangents]


# [START what_is_kept]
def savings_scan(rate, years=10):
    def year(balance, _):
        return balance * (1 + rate) + 100.0, None

    return lax.scan(year, 100.0, None, length=years)[0]


def savings_while(rate, years=10):
    def year(state):
        y, balance = state
        return y + 1, balance * (1 + rate) + 100.0

    return lax.while_loop(lambda s: s[0] < years, year, (0, 100.0))[1]


kept = {}
for name, f in [("scan", savings_scan), ("while_loop", savings_while)]:
    _, push_rate = jax.linearize(f, 0.05)
    (loop,) = [e for e in jax.make_jaxpr(push_rate)(1.0).eqns
               if e.primitive.name in ("scan", "while")]
    kept[name] = loop
    carried = [str(v.aval) for v in loop.outvars]
    print(f"{name:10} linear function's loop: {loop.primitive.name}, outputs {carried}")
# [END what_is_kept]
