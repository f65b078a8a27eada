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

# [START unroll_lowered]
import re

eight_days = jnp.array([100.0, -20.0, 0.0, 50.0, 10.0, -5.0, 0.0, 30.0])


def lowered_loop(unroll):
    """Read the StableHLO of an 8-step scan: while loops, trip count, body copies."""
    text = jax.jit(lambda m: lax.scan(bank_day, 0.0, m, unroll=unroll)).lower(eight_days).as_text()
    main = text.split("func.func private")[0]  # the entry function; the step is @closed_call
    loops = main.count("stablehlo.while")
    trips = re.findall(r"cond \{\n\s*%\S+ = stablehlo.constant dense<(\d+)>", main)
    in_body = main.split("} do {")[1].count("@closed_call(") if loops else 0
    return {"while ops": loops, "trip count": int(trips[0]) if trips else None,
            "steps per iteration": in_body, "steps in program": main.count("@closed_call(")}


lowered = {unroll: lowered_loop(unroll) for unroll in (1, 2, 8)}
for unroll, shape in lowered.items():
    print(f"unroll={unroll}:", shape)

balances = {u: lax.scan(bank_day, 0.0, eight_days, unroll=u)[1] for u in (1, 2, 8)}
print("same balances:", all(jnp.array_equal(balances[u], balances[1]) for u in (2, 8)))
# [END unroll_lowered]
