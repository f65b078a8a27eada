"""The control-flow errors readers hit, raised for real, each with a fix that runs."""

# [START scan_carry_grows]
import jax
import jax.numpy as jnp
from jax import lax


def running_max_history(xs):
    def step(history, x):
        best = jnp.maximum(history[-1], x)
        return jnp.append(history, best), None  # the carry grows by one

    return lax.scan(step, xs[:1], xs[1:])[0]
# [END scan_carry_grows]


def scan_carry_grows():
    # [START scan_carry_grows_call]
    running_max_history(jnp.array([3.0, 1.0, 4.0, 1.0, 5.0]))
    # [END scan_carry_grows_call]


# [START scan_carry_grows_fix]
def running_max_history_fixed(xs):
    def step(best, x):
        best = jnp.maximum(best, x)
        return best, best  # carry the running max; emit it as the step's output

    last, history = lax.scan(step, xs[0], xs[1:])
    return jnp.concatenate([xs[:1], history])


print(running_max_history_fixed(jnp.array([3.0, 1.0, 4.0, 1.0, 5.0])))
# [END scan_carry_grows_fix]

# [START int_carry_becomes_float]
def grow_balance(cents):
    def below_target(balance):
        return balance < 200_00

    def add_interest(balance):
        return balance * 1.05  # int32 times a float is a float32

    return lax.while_loop(below_target, add_interest, cents)
# [END int_carry_becomes_float]


def int_carry_becomes_float():
    # [START int_carry_becomes_float_call]
    grow_balance(jnp.int32(100_00))
    # [END int_carry_becomes_float_call]


# [START int_carry_becomes_float_fix]
def grow_balance_fixed(cents):
    def add_interest(balance):
        return jnp.round(balance * 1.05).astype(balance.dtype)  # back to whole cents

    return lax.while_loop(lambda balance: balance < 200_00, add_interest, cents)


print(repr(grow_balance_fixed(jnp.int32(100_00))))
# [END int_carry_becomes_float_fix]

# [START weak_carry_promoted]
promoted = grow_balance(100_00)  # a Python int: weakly typed
print(repr(promoted))
# [END weak_carry_promoted]

# [START cond_dtypes]
def safe_sqrt(x):
    return lax.cond(x >= 0, lambda x: jnp.sqrt(x), lambda x: 0, x)
# [END cond_dtypes]


def cond_dtypes():
    # [START cond_dtypes_call]
    safe_sqrt(jnp.float32(4.0))
    # [END cond_dtypes_call]


# [START cond_dtypes_fix]
def safe_sqrt_fixed(x):
    return lax.cond(x >= 0, lambda x: jnp.sqrt(x), lambda x: jnp.zeros_like(x), x)


print(safe_sqrt_fixed(jnp.float32(4.0)), safe_sqrt_fixed(jnp.float32(-4.0)))
# [END cond_dtypes_fix]

# [START cond_shapes]
def maybe_drop_first(drop, v):
    return lax.cond(drop, lambda v: v[1:], lambda v: v, v)
# [END cond_shapes]


def cond_shapes():
    # [START cond_shapes_call]
    maybe_drop_first(True, jnp.array([1.0, 2.0, 3.0]))
    # [END cond_shapes_call]


# [START cond_shapes_fix]
def maybe_drop_first_fixed(drop, v):
    # Keep the shape; return a mask that says which entries are kept.
    keep = jnp.ones(v.shape, dtype=bool)
    return lax.cond(drop, lambda k: k.at[0].set(False), lambda k: k, keep)


kept = maybe_drop_first_fixed(True, jnp.array([1.0, 2.0, 3.0]))
print(kept, jnp.where(kept, jnp.array([1.0, 2.0, 3.0]), 0.0).sum())
# [END cond_shapes_fix]

# [START tracer_bool]
@jax.jit
def relu(x):
    return max(x, 0.0)  # Python's max asks `0.0 > x` for a bool
# [END tracer_bool]


def tracer_bool():
    # [START tracer_bool_call]
    relu(jnp.float32(-2.0))
    # [END tracer_bool_call]


# [START tracer_bool_fix]
@jax.jit
def relu_fixed(x):
    return jnp.maximum(x, 0.0)


print(relu_fixed(jnp.float32(-2.0)), relu_fixed(jnp.float32(3.0)))
# [END tracer_bool_fix]

# [START concretization]
@jax.jit
def triangle_number(n):
    return jnp.arange(n + 1).sum()  # the length of arange depends on n
# [END concretization]


def concretization():
    # [START concretization_call]
    triangle_number(4)
    # [END concretization_call]


# [START concretization_fix]
from functools import partial


@partial(jax.jit, static_argnames="n")
def triangle_number_fixed(n):
    return jnp.arange(n + 1).sum()  # n is a Python int: one compilation per n


print(triangle_number_fixed(n=4))
# [END concretization_fix]

# [START tracer_integer]
RATES = [0.0, 0.1, 0.2, 0.4]  # a Python list


@jax.jit
def tax(income, band):
    return income * RATES[band]  # a list index must be a Python int
# [END tracer_integer]


def tracer_integer():
    # [START tracer_integer_call]
    tax(1000.0, 2)
    # [END tracer_integer_call]


# [START tracer_integer_fix]
@jax.jit
def tax_fixed(income, band):
    return income * jnp.asarray(RATES)[band]  # an array indexed by a traced int


print(tax_fixed(1000.0, 2))
# [END tracer_integer_fix]

# [START tracer_array]
import numpy as np


@jax.jit
def squash(x):
    return np.tanh(x) * 2  # NumPy needs a concrete array
# [END tracer_array]


def tracer_array():
    # [START tracer_array_call]
    squash(jnp.array([0.5, 2.0]))
    # [END tracer_array_call]


# [START tracer_array_fix]
@jax.jit
def squash_fixed(x):
    return jnp.tanh(x) * 2


print(squash_fixed(jnp.array([0.5, 2.0])))
# [END tracer_array_fix]

# [START traced_slice]
@jax.jit
def sum_first(xs, k):
    return xs[:k].sum()  # a slice's length must be known while tracing
# [END traced_slice]


def traced_slice():
    # [START traced_slice_call]
    sum_first(jnp.array([1.0, 2.0, 3.0, 4.0]), 2)
    # [END traced_slice_call]


# [START traced_slice_fix]
@jax.jit
def sum_first_fixed(xs, k):
    return jnp.where(jnp.arange(xs.size) < k, xs, 0.0).sum()  # fixed shape, masked


print(sum_first_fixed(jnp.array([1.0, 2.0, 3.0, 4.0]), 2))
# [END traced_slice_fix]

# [START catalogue]
XS = jnp.array([3.0, 1.0, 4.0, 1.0, 5.0])
CATALOGUE = [  # (case, failing call, cause, fix, the fix run on the same input)
    ("scan carry grows", lambda: running_max_history(XS),
     "the scan carry changes shape from one step to the next",
     "carry a fixed-size value; return per-step values as the second output",
     lambda: running_max_history_fixed(XS)),
    ("int carry becomes float", lambda: grow_balance(jnp.int32(100_00)),
     "an int32 carry comes back from the body as float32",
     "cast back with .astype(carry.dtype), or start from a float",
     lambda: grow_balance_fixed(jnp.int32(100_00))),
    ("cond branch dtypes", lambda: safe_sqrt(jnp.float32(4.0)),
     "one branch returns a Python int, the other a float32",
     "return the same dtype from every branch (jnp.zeros_like(x))",
     lambda: safe_sqrt_fixed(jnp.float32(4.0))),
    ("cond branch shapes", lambda: maybe_drop_first(True, XS[:3]),
     "the branches return arrays of different shapes",
     "keep one shape in every branch; mark dropped entries with a mask",
     lambda: maybe_drop_first_fixed(True, XS[:3])),
    ("Python max", lambda: relu(jnp.float32(-2.0)),
     "Python's max needs a bool from a traced comparison",
     "jnp.maximum (or jnp.where, lax.cond)",
     lambda: relu_fixed(jnp.float32(-2.0))),
    ("traced length", lambda: triangle_number(4),
     "an array's length depends on a traced value",
     "make the length static (static_argnames), or pad to a fixed size",
     lambda: triangle_number_fixed(n=4)),
    ("list index", lambda: tax(1000.0, 2),
     "a Python list is indexed with a traced integer",
     "turn the list into an array, then index it",
     lambda: tax_fixed(1000.0, 2)),
    ("NumPy call", lambda: squash(jnp.array([0.5, 2.0])),
     "a NumPy function is given a tracer",
     "use the jax.numpy function",
     lambda: squash_fixed(jnp.array([0.5, 2.0]))),
    ("traced slice", lambda: sum_first(XS[:4], 2),
     "a slice bound is traced, so the result's length is unknown",
     "keep the full length and mask (jnp.where), or lax.dynamic_slice with a fixed size",
     lambda: sum_first_fixed(XS[:4], 2)),
]
# [END catalogue]

# [START run_catalogue]
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    case: str
    error: str  # the exception class, from the run
    headline: str  # the first line of its message
    detail: str  # the line that says what differs, when the message has one
    cause: str
    fix: str
    fix_ran: bool


def run_catalogue(catalogue):
    rows = []
    for case, failing, cause, fix, fixed in catalogue:
        try:
            failing()
        except Exception as err:  # the failure is the result
            lines = str(err).strip().splitlines()
            detail = next((line for line in lines[1:]
                           if re.match(r"(The (input|output)|It arose)", line)), "")
            error = type(err).__name__
        else:
            raise AssertionError(f"{case}: did not raise")
        try:
            jax.block_until_ready(fixed())
            fix_ran = True
        except Exception:
            fix_ran = False
        rows.append(Row(case, error, lines[0], detail, cause, fix, fix_ran))
    return rows


rows = run_catalogue(CATALOGUE)
# [END run_catalogue]

# [START render]
import html

from IPython.display import HTML


def breakable(name):
    # Long class names may wrap at their capitals instead of widening the table.
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "<wbr>", name)


def render_catalogue(rows):
    # Styled by the site's stylesheet (docs/_static/site.css): a <style> inside the page's
    # body is invalid HTML.
    out = ['<div class="cfe-scroll"><table class="cfe-table">',
           f"<caption>Each row raised while this page was built (JAX {jax.__version__})."
           "</caption><thead><tr>"
           + "".join(f'<th scope="col">{name}</th>'
                     for name in ["case", "error and its message", "cause", "fix", "fix runs"])
           + "</tr></thead><tbody>"]
    for r in rows:
        detail = f'<span class="cfe-detail">{html.escape(r.detail)}</span>' if r.detail else ""
        ran = '<td class="cfe-ok">✓</td>' if r.fix_ran else "<td>✗</td>"
        out.append(f'<tr><th scope="row">{html.escape(r.case)}</th>'
                   f'<td class="cfe-message"><code>{breakable(r.error)}</code>: '
                   f"{html.escape(r.headline)}{detail}</td><td>{html.escape(r.cause)}</td>"
                   f"<td>{html.escape(r.fix)}</td>{ran}</tr>")
    out.append("</tbody></table></div>")
    return HTML("\n".join(out))


render_catalogue(rows)
# [END render]

# [START exercise]
def clipped_steps(x, limit):
    def body(i, x):
        return x - 0.5 * x if x > limit else x

    return lax.fori_loop(0, 3, body, x)
# [END exercise]


def exercise_fails():
    return jax.jit(clipped_steps)(jnp.float32(8.0), jnp.float32(3.0))


# [START exercise_solution]
try:
    jax.jit(clipped_steps)(jnp.float32(8.0), jnp.float32(3.0))
except Exception as error:
    exercise_error = type(error).__name__
print("clipped_steps raised", exercise_error)


def clipped_steps_fixed(x, limit):
    def body(i, x):
        return jnp.where(x > limit, x - 0.5 * x, x)  # elementwise choice, same dtype

    return lax.fori_loop(0, 3, body, x)


print(jax.jit(clipped_steps_fixed)(jnp.float32(8.0), jnp.float32(3.0)))
print(jax.jit(clipped_steps_fixed)(jnp.float32(1.0), jnp.float32(3.0)))
# [END exercise_solution]
