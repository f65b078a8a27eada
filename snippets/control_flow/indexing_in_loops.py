"""Reading xs[i] inside fori_loop against scanning over xs: what reverse mode builds for each."""

# [START two_loops]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH = 4


def rnn_by_index(xs, w):
    def body(i, h):
        return jnp.tanh(w @ h + xs[i])  # xs is captured whole; the body reads row i
    return lax.fori_loop(0, xs.shape[0], body, jnp.zeros(w.shape[0])).sum()


def rnn_by_scan(xs, w):
    def step(h, x):
        return jnp.tanh(w @ h + x), None  # scan hands each step its own row
    return lax.scan(step, jnp.zeros(w.shape[0]), xs)[0].sum()


xs = jax.random.normal(jax.random.key(0), (6, WIDTH))
w = 0.5 * jnp.eye(WIDTH)
grads = {f.__name__: jax.grad(f)(xs, w) for f in (rnn_by_index, rnn_by_scan)}
print("same value:", bool(rnn_by_index(xs, w) == rnn_by_scan(xs, w)))
print("same gradient with respect to xs:",
      bool(jnp.allclose(grads["rnn_by_index"], grads["rnn_by_scan"])))
# [END two_loops]

same_value = bool(rnn_by_index(xs, w) == rnn_by_scan(xs, w))
same_gradient = bool(jnp.allclose(grads["rnn_by_index"], grads["rnn_by_scan"]))


# [START backward_bodies]
def backward_step(f, *args):
    """The body of the reverse-order scan that jax.grad(f) runs."""
    jaxpr = jax.make_jaxpr(jax.grad(f))(*args)
    (loop,) = [e for e in jaxpr.eqns
               if e.primitive.name == "scan" and e.params["reverse"]]
    return loop.params["jaxpr"]


def full_size_values(step, shape):
    """The operations of one backward step whose result is as large as all of xs."""
    return [e.primitive.name for e in step.eqns
            if any(getattr(v.aval, "shape", None) == shape for v in e.outvars)]


by_index_step = backward_step(rnn_by_index, xs, w)
by_scan_step = backward_step(rnn_by_scan, xs, w)
print(by_index_step)
print("per step, values the size of xs:")
print("  fori_loop with xs[i]:", full_size_values(by_index_step, xs.shape))
print("  scan over xs:        ", full_size_values(by_scan_step, xs.shape))
# [END backward_bodies]

index_full_size = full_size_values(by_index_step, xs.shape)
scan_full_size = full_size_values(by_scan_step, xs.shape)

# [START residuals]
import contextlib
import io
import re

from jax.ad_checkpoint import print_saved_residuals


def saved(f, *args):
    """print_saved_residuals as a list of 'dtype[shape] what' lines."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(f, *args)
    return [re.sub(r" from (?!the argument).*", "", line)  # drop source locations
            for line in out.getvalue().splitlines()]


residuals = {f.__name__: saved(f, xs, w) for f in (rnn_by_index, rnn_by_scan)}
for name, lines in residuals.items():
    print(name)
    for line in lines:
        print("   ", line)
# [END residuals]

# [START costs]
SIZES = (64, 256)  # rows of xs; the state has 16 numbers
w16 = 0.5 * jnp.eye(16)


def costs(f, rows):
    """What jit(grad(f)) costs as JAX emits it and as XLA compiled it.

    cost_analysis counts a loop's body once, so its FLOPs are those of one step."""
    lowered = jax.jit(jax.grad(f)).lower(jnp.ones((rows, 16)), w16)
    compiled = lowered.compile()
    return {
        "flops emitted": lowered.cost_analysis()["flops"],
        "flops compiled": compiled.cost_analysis()["flops"],
        "full-size adds emitted": sum(f"tensor<{rows}x16xf32>" in line
                                      for line in lowered.as_text().splitlines()
                                      if "stablehlo.add" in line),
        "full-size adds compiled":
            compiled.as_text().count(f"f32[{rows},16]{{1,0}} add("),
        "temp bytes": compiled.memory_analysis().temp_size_in_bytes,
    }


def rnn_by_take(xs, w):
    def body(i, h):
        return jnp.tanh(w @ h + jnp.take(xs, i, axis=0))  # a gather, not a slice
    return lax.fori_loop(0, xs.shape[0], body, jnp.zeros(w.shape[0])).sum()


LOOPS = {"fori_loop, xs[i]": rnn_by_index, "fori_loop, jnp.take": rnn_by_take,
         "scan over xs": rnn_by_scan}
measured = {(name, n): costs(f, n) for name, f in LOOPS.items() for n in SIZES}
# [END costs]

# [START cost_table]
from IPython.display import HTML


def op_names(jaxpr):
    """Every primitive in a jaxpr, including those of the jaxprs nested in it."""
    names = set()
    for e in jaxpr.eqns:
        names.add(e.primitive.name)
        for value in e.params.values():
            inner = getattr(value, "jaxpr", value)  # a ClosedJaxpr holds a Jaxpr
            if hasattr(inner, "eqns"):
                names |= op_names(inner)
    return names


def indexing_ops(f):
    kinds = {"dynamic_update_slice", "scatter-add"}
    return ", ".join(sorted(op_names(backward_step(f, xs, w)) & kinds)) or "none"


def at_sizes(name, key):
    return tuple(measured[name, n][key] for n in SIZES)


def cell(name, key):
    small, large = at_sizes(name, key)
    return f"{small:,.0f} → {large:,.0f}"


keys = ["flops emitted", "flops compiled", "full-size adds emitted",
        "full-size adds compiled", "temp bytes"]
columns = ["loop", "grad step writes xs's cotangent with"] + [
    f"{k}, n = {SIZES[0]} → {SIZES[1]}" for k in keys]
rows = [[name, indexing_ops(f)] + [cell(name, k) for k in keys]
        for name, f in LOOPS.items()]
header = "".join(f"<th>{c}</th>" for c in columns)
body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows)
HTML(f'<table class="table"><tr>{header}</tr>{body}</table>')
# [END cost_table]

# [START exercise_loop]
def drift_by_index(xs, w):
    def body(i, h):
        return jnp.tanh(w @ h + xs[i + 1] - xs[i])  # two reads per step
    return lax.fori_loop(0, xs.shape[0] - 1, body, jnp.zeros(w.shape[0])).sum()
# [END exercise_loop]


# [START exercise_solution]
def drift_by_scan(xs, w):
    def step(h, pair):
        later, earlier = pair
        return jnp.tanh(w @ h + later - earlier), None
    return lax.scan(step, jnp.zeros(w.shape[0]), (xs[1:], xs[:-1]))[0].sum()


print("same gradient:", bool(jnp.allclose(jax.grad(drift_by_index)(xs, w),
                                          jax.grad(drift_by_scan)(xs, w))))
for f in (drift_by_index, drift_by_scan):
    print(f.__name__, "full-size values per backward step:",
          full_size_values(backward_step(f, xs, w), xs.shape))
# [END exercise_solution]

drift_same_gradient = bool(jnp.allclose(jax.grad(drift_by_index)(xs, w),
                                        jax.grad(drift_by_scan)(xs, w)))
drift_index_full = full_size_values(backward_step(drift_by_index, xs, w), xs.shape)
drift_scan_full = full_size_values(backward_step(drift_by_scan, xs, w), xs.shape)
