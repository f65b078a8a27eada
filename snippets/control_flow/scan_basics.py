"""lax.scan: a carry through the steps, per-step outputs stacked; length, reverse, unroll."""

# [START carry_and_outputs]
import jax
import jax.numpy as jnp
from jax import lax


def bank_day(balance, movement):
    balance = balance * 1.001 + movement  # interest, then the day's movement
    return balance, balance  # (next carry, this step's output)


movements = jnp.array([100.0, -20.0, 0.0, 50.0])
final, history = lax.scan(bank_day, 0.0, movements)
final, history
# [END carry_and_outputs]

# [START length_only]
def double(carry, _):
    return 2.0 * carry, carry


lax.scan(double, 1.0, xs=None, length=5)
# [END length_only]

powers_final, powers = lax.scan(double, 1.0, xs=None, length=5)

# [START reverse]
def discounted(future, reward):
    total = reward + 0.9 * future
    return total, total


rewards = jnp.array([0.0, 0.0, 1.0, 0.0, 2.0])
_, returns = lax.scan(discounted, 0.0, rewards, reverse=True)
returns
# [END reverse]

# [START unroll]
rolled = jax.make_jaxpr(lambda m: lax.scan(bank_day, 0.0, m))(movements)
unrolled = jax.make_jaxpr(lambda m: lax.scan(bank_day, 0.0, m, unroll=2))(movements)
same_values = jnp.array_equal(lax.scan(bank_day, 0.0, movements, unroll=2)[1], history)
rolled.eqns[0].params["unroll"], unrolled.eqns[0].params["unroll"], same_values
# [END unroll]

unroll_params = (rolled.eqns[0].params["unroll"], unrolled.eqns[0].params["unroll"])
unrolled_history = lax.scan(bank_day, 0.0, movements, unroll=2)[1]
