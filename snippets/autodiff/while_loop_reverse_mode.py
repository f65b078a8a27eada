"""jax.grad refuses lax.while_loop; forward mode (jvp, jacfwd) goes through it."""

# [START define]
import jax
from jax import lax


def savings(rate, years):
    """Balance after `years` of growth at `rate`, plus deposits."""
    def one_year(state):
        year, balance = state
        return year + 1, balance * rate + 0.5

    def not_done(state):
        return state[0] < years

    _, balance = lax.while_loop(not_done, one_year, (0, 1.0))
    return balance
# [END define]


def reverse_mode():
    # [START reverse_mode]
    jax.grad(savings)(1.05, 6)
    # [END reverse_mode]


# [START forward_mode]
value, slope = jax.jvp(lambda r: savings(r, 6), (1.05,), (1.0,))
jacobian = jax.jacfwd(savings)(1.05, 6)
print(f"savings      {float(value):.6f}")
print(f"jvp slope    {float(slope):.6f}")
print(f"jacfwd       {float(jacobian):.6f}")
# [END forward_mode]

# [START jvp_jaxpr]
jvp_jaxpr = jax.make_jaxpr(
    lambda r, dr: jax.jvp(lambda q: savings(q, 6), (r,), (dr,))
)(1.05, 1.0)
jvp_jaxpr
# [END jvp_jaxpr]

loop_eqn = next(e for e in jvp_jaxpr.jaxpr.eqns if e.primitive.name == "while")
jvp_carry_types = [str(v.aval) for v in loop_eqn.outvars]



# [START closed_form]
def closed_form_slope(rate, n):
    """d/d rate of the geometric series rate**n + 0.5 * (rate**n - 1) / (rate - 1)."""
    grown, d_grown = rate**n, n * rate ** (n - 1)
    return d_grown + 0.5 * (d_grown * (rate - 1) - (grown - 1)) / (rate - 1) ** 2


exact = closed_form_slope(1.05, 6)  # Python floats: float64
print(f"closed form  {exact:.6f}")
print(f"jvp - closed form, relative: {float(slope) / exact - 1:+.1e}")
# [END closed_form]

slope_rel_error = abs(float(slope) / exact - 1)


def closed_form(rate, years):
    """Geometric series: rate^n + 0.5 (rate^n - 1) / (rate - 1)."""
    grown = rate**years
    return grown + 0.5 * (grown - 1) / (rate - 1)
