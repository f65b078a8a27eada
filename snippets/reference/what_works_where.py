"""What works where: every control-flow construct run under every transformation."""

# [START constructs]
import jax
import jax.numpy as jnp
from jax import lax


def python_if(x):
    if x > 1.0:
        return x * x
    return 2.0 - x


def python_for(x):
    y = 1.0
    for _ in range(3):  # a Python int: unrolled while tracing
        y = jnp.sin(y) * x
    return y


def python_while(x):
    y = x
    while y < 10.0:  # the condition reads a traced value
        y = 2.0 * y + 1.0
    return y


def cond(x):
    return lax.cond(x > 1.0, lambda v: v * v, lambda v: 2.0 - v, x)


def switch(x):
    index = jnp.floor(x).astype(jnp.int32)
    return lax.switch(index, [jnp.cos, jnp.sin, lambda v: v * v], x)


def where(x):
    return jnp.where(x > 1.0, x * x, 2.0 - x)


def fori_static(x):
    return lax.fori_loop(0, 3, lambda i, y: jnp.sin(y) * x, 1.0)


def fori_traced(x):
    stop = jnp.floor(x).astype(jnp.int32)  # depends on the input
    return lax.fori_loop(0, stop, lambda i, y: jnp.sin(y) * x, 1.0)


def while_loop(x):
    return lax.while_loop(lambda y: y < 10.0,
                          lambda y: 2.0 * y + x, x)


def scan(x):
    def step(y, _):
        return jnp.sin(y) * x, None

    final, _ = lax.scan(step, 1.0, length=3)
    return final


def map_(x):
    return lax.map(lambda k: jnp.sin(k * x), jnp.arange(3.0)).sum()


def associative_scan(x):
    # running products of x, x + 1, x + 2, combined as a tree instead of in sequence
    return lax.associative_scan(jnp.multiply, x + jnp.arange(3.0)).sum()


CONSTRUCTS = {
    "Python if (traced)": python_if,
    "Python for (fixed count)": python_for,
    "Python while (traced)": python_while,
    "lax.cond": cond,
    "lax.switch": switch,
    "lax.select / jnp.where": where,
    "lax.fori_loop (static bounds)": fori_static,
    "lax.fori_loop (traced bounds)": fori_traced,
    "lax.while_loop": while_loop,
    "lax.scan": scan,
    "lax.associative_scan": associative_scan,
    "lax.map": map_,
}
# [END constructs]

# [START transformations]
POINT = 2.5
BATCH = jnp.array([0.5, 2.5])

TRANSFORMS = {
    "jit": lambda f: jax.jit(f)(POINT),
    "grad": lambda f: jax.grad(f)(POINT),
    "jvp / jacfwd": lambda f: (jax.jvp(f, (POINT,), (1.0,)),
                               jax.jacfwd(f)(POINT)),
    "linearize": lambda f: jax.linearize(f, POINT)[1](1.0),  # the linear map, applied
    "vjp": lambda f: jax.vjp(f, POINT)[1](1.0),  # the pullback, applied
    "vmap": lambda f: jax.vmap(f)(BATCH),
    "jit∘grad": lambda f: jax.jit(jax.grad(f))(POINT),
    "vmap∘grad": lambda f: jax.vmap(jax.grad(f))(BATCH),
    "grad∘checkpoint": lambda f: jax.grad(jax.checkpoint(f))(POINT),
}
# [END transformations]

# [START run]
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    error: str | None = None  # None when the call returned
    message: str = ""


def run_matrix(constructs, transforms):
    """Call every transformation on every construct; record what happened."""
    table = {}
    for row, f in constructs.items():
        for col, apply in transforms.items():
            try:
                jax.block_until_ready(apply(f))
                table[row, col] = Outcome()
            except Exception as err:  # the failure is the result
                name = type(err).__name__
                table[row, col] = Outcome(name, str(err))
    return table
# [END run]

# [START render]
import html
import re

from IPython.display import HTML


def breakable(name):
    # Long class names may wrap at their capitals instead of widening the table.
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "<wbr>", name)


def breakable_name(name):
    # "lax.associative_scan" may wrap as "lax.associative_" + "scan" in a narrow column.
    return re.sub(r"(?<=_)(?=\w)", "<wbr>", html.escape(name))


def headline(message, limit=300):
    # The first line names the problem; later lines quote paths and object ids of this machine.
    text = message.strip().splitlines()[0] if message.strip() else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_matrix(table, caption="", note_prefix="wws-note"):
    rows = list(dict.fromkeys(r for r, _ in table))
    cols = list(dict.fromkeys(c for _, c in table))
    notes = {}  # distinct (class, message) -> footnote number
    device = jax.devices()[0]
    head = f"JAX {jax.__version__} on {device.platform.upper()}"
    if device.device_kind.lower() != device.platform:
        head += f" ({device.device_kind})"
    # Styled by the site's stylesheet (docs/_static/site.css): a <style> inside the page's
    # body is invalid HTML.
    out = ['<div class="wws-scroll"><table class="wws-matrix">',
           f"<caption>{html.escape(caption)} {html.escape(head)}</caption>",
           '<thead><tr><th scope="col">construct</th>'
           + "".join(f'<th scope="col">{html.escape(c)}</th>' for c in cols)
           + "</tr></thead><tbody>"]
    for r in rows:
        cells = []
        for c in cols:
            o = table[r, c]
            if o.error is None:
                cells.append('<td class="wws-ok" title="returned a value">✓</td>')
                continue
            text = headline(o.message)
            n = notes.setdefault((o.error, text), len(notes) + 1)
            cells.append(f'<td class="wws-err" title="{html.escape(o.error)}: '
                         f'{html.escape(text)}">✗ <code>{breakable(o.error)}</code>'
                         f'<sup><a href="#{note_prefix}-{n}">{n}</a></sup></td>')
        out.append(f'<tr><th scope="row">{breakable_name(r)}</th>{"".join(cells)}</tr>')
    out.append('</tbody></table></div><ol class="wws-notes">')
    for (error, text), n in notes.items():
        out.append(f'<li id="{note_prefix}-{n}"><code>{error}</code>: {html.escape(text)}</li>')
    out.append("</ol>")
    return HTML("\n".join(out))
# [END render]

# [START full_matrix]
matrix = run_matrix(CONSTRUCTS, TRANSFORMS)
render_matrix(matrix, caption="One call per cell, made at build time.")
# [END full_matrix]

# [START jit_grad_view]
JIT_GRAD = ("jit", "grad", "jit∘grad")
view = run_matrix(CONSTRUCTS, {c: TRANSFORMS[c] for c in JIT_GRAD})
render_matrix(view, caption="A slice of the reference matrix.")
# [END jit_grad_view]

# [START bound_inside]
def what_the_bound_is(apply):
    """Run fori_traced under one transformation, keeping what x and the loop bound were."""
    seen = {}

    def spy(x):
        stop = jnp.floor(x).astype(jnp.int32)
        seen["x"], seen["stop"] = type(x).__name__, type(stop).__name__
        # a differentiating tracer wraps the value it differentiates at: its primal
        seen["primal"] = type(x.primal).__name__ if hasattr(x, "primal") else "-"
        try:
            seen["int(stop)"] = int(stop)  # what fori_loop needs to choose a scan
        except Exception as err:
            seen["int(stop)"] = type(err).__name__
        return lax.fori_loop(0, stop, lambda i, y: jnp.sin(y) * x, 1.0)

    try:
        jax.block_until_ready(apply(spy))
    except Exception as err:
        seen["call"] = type(err).__name__
    else:
        seen["call"] = "returned"
    return seen


bounds = {col: what_the_bound_is(apply) for col, apply in TRANSFORMS.items()
          if col not in ("jvp / jacfwd", "linearize", "vjp")}
print(f"{'':16} {'x is a':19} {'its primal':19} {'the bound is a':19} {'int(bound)':24} call")
for col, seen in bounds.items():
    print(f"{col:16} {seen['x']:19} {seen['primal']:19} {seen['stop']:19} "
          f"{seen['int(stop)']!s:24} {seen['call']}")
# [END bound_inside]

# [START linearize_while]
value, tangent_map = jax.linearize(while_loop, POINT)
linear = jax.make_jaxpr(tangent_map)(1.0)
linear
# [END linearize_while]

linear_loop = next(e for e in linear.eqns if e.primitive.name == "while")

# [START exercise_piecewise]
def piecewise(x):
    pieces = [jnp.sin, lambda v: v * v, lambda v: 2.0 * v]
    return jnp.piecewise(x, [x < 0.0, x > 2.0], pieces)


extra = run_matrix({"jnp.piecewise": piecewise}, TRANSFORMS)
render_matrix(extra, caption="One more row.", note_prefix="wws-extra-note")
# [END exercise_piecewise]

n_cells = len(matrix)
n_failing = sum(outcome.error is not None for outcome in matrix.values())
