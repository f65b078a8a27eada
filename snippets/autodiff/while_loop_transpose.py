"""Where reverse mode through lax.while_loop stops: linearize works, transposing does not."""

from snippets.autodiff.while_loop_reverse_mode import savings  # defined earlier on the page

# [START linearize]
import jax
from jax import lax

balance, tangent_of = jax.linearize(lambda r: savings(r, 6), 1.05)
print(f"balance {float(balance):.6f}, tangent for dr = 1: {float(tangent_of(1.0)):.6f}")
# [END linearize]

# [START linear_jaxpr]
linear_jaxpr = jax.make_jaxpr(tangent_of)(1.0)
linear_jaxpr
# [END linear_jaxpr]

linear_loop = next(e for e in linear_jaxpr.jaxpr.eqns if e.primitive.name == "while")
linear_body_primitives = sorted(
    {e.primitive.name for e in linear_loop.params["body_jaxpr"].jaxpr.eqns}
)

# [START vjp_forward]
vjp_value, pullback = jax.vjp(lambda r: savings(r, 6), 1.05)
print(f"forward half of vjp: {float(vjp_value):.6f}")
# [END vjp_forward]


# [START pullback]
import traceback

try:
    pullback(1.0)
except ValueError as err:
    raiser = traceback.extract_tb(err.__traceback__)[-1]
    print(f"{type(err).__name__}: {str(err).split('. ')[0]}.")
    print("raised by", raiser.name, "in", raiser.filename.split("site-packages/")[-1])
# [END pullback]


def call_pullback():
    pullback(1.0)


# [START predicate_only]
def years_to_reach(target):
    """Grow 1.0 by 5% a year until it reaches `target`; return the year count."""
    def one_year(state):
        year, balance = state
        return year + 1.0, balance * 1.05

    def below(state):
        return state[1] < target

    years, _ = lax.while_loop(below, one_year, (0.0, 1.0))
    return years


years_for_target = years_to_reach(2.0)
d_years = jax.grad(years_to_reach)(2.0)
print("years to reach 2.0:", years_for_target)
print("d years / d target:", d_years)
# [END predicate_only]
