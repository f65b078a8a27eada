"""The four loop kinds side by side, every table entry measured by running them."""

# [START four_loops]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH = 64


def layer(state, weights):
    return jnp.tanh(weights @ state)  # a matmul: the backward pass needs each state


def python_for(weights, steps):
    state = jnp.ones(WIDTH)
    for _ in range(steps):
        state = layer(state, weights)
    return state.sum()


def scan(weights, steps):
    def step(s, _):
        return layer(s, weights), None
    return lax.scan(step, jnp.ones(WIDTH), length=steps)[0].sum()


def fori_loop(weights, steps):
    return lax.fori_loop(0, steps, lambda i, s: layer(s, weights), jnp.ones(WIDTH)).sum()


def while_loop(weights, steps):
    def body(carry):
        i, s = carry
        return i + 1, layer(s, weights)
    return lax.while_loop(lambda c: c[0] < steps, body, (0, jnp.ones(WIDTH)))[1].sum()


LOOPS = {"Python for": python_for, "lax.scan": scan,
         "lax.fori_loop": fori_loop, "lax.while_loop": while_loop}
weights = 0.1 * jax.random.normal(jax.random.key(0), (WIDTH, WIDTH))
# [END four_loops]

# [START memory]
SIZES = (8, 16)  # trip counts: doubling shows flat vs linear growth


def temp_bytes(fn, steps):
    compiled = jax.jit(fn, static_argnums=1).lower(weights, steps).compile()
    return compiled.memory_analysis().temp_size_in_bytes


def memory_growth(fn):
    try:
        small, large = (temp_bytes(fn, n) for n in SIZES)
    except Exception as err:  # reverse mode may refuse the loop
        return type(err).__name__
    ratio = large / small
    shape = "flat" if ratio < 1.2 else "doubles" if 1.6 <= ratio <= 2.4 else "grows"
    return f"{small} → {large} B ({shape})"


forward = {name: memory_growth(fn) for name, fn in LOOPS.items()}
backward = {name: memory_growth(jax.grad(fn)) for name, fn in LOOPS.items()}
# [END memory]

# [START differentiable]
def works(call):
    try:
        call()
        return "yes"
    except Exception as err:
        return type(err).__name__


def modes(fn):
    f = jax.jit(fn, static_argnums=1)
    reverse = works(lambda: jax.grad(f)(weights, 4))
    forward = works(lambda: jax.jvp(lambda w: f(w, 4), (weights,), (weights,)))
    return f"reverse: {reverse}, forward: {forward}"


differentiable = {name: modes(fn) for name, fn in LOOPS.items()}
# [END differentiable]

# [START early_stop]
# The work is done once the state's norm drops below 1: how many bodies ran?
MAX_STEPS = 10
bodies = []


def counted_layer(state):
    jax.debug.callback(lambda: bodies.append(1))
    return 0.5 * state


def done(state):
    return jnp.linalg.norm(state) < 1.0


def python_for_break(state):
    for _ in range(MAX_STEPS):  # eager: Python can break out
        if done(state):
            break
        state = counted_layer(state)
    return state


early = {
    "Python for": lambda s: python_for_break(s),
    "lax.scan": jax.jit(lambda s: lax.scan(
        lambda c, _: (counted_layer(c), None), s, length=MAX_STEPS)[0]),
    "lax.fori_loop": jax.jit(lambda s: lax.fori_loop(
        0, MAX_STEPS, lambda i, c: counted_layer(c), s)),
    "lax.while_loop": jax.jit(lambda s: lax.while_loop(
        lambda c: ~done(c), counted_layer, s)),
}
bodies_run = {}
for name, run in early.items():
    bodies.clear()
    run(jnp.full(4, 2.0))  # norm 4: three halvings reach 0.5
    jax.effects_barrier()
    bodies_run[name] = len(bodies)
# [END early_stop]

# [START table]
from IPython.display import HTML

columns = ["loop", f"temp memory, n = {SIZES[0]} → {SIZES[1]}",
           "same, for grad", "differentiable", f"bodies run (of {MAX_STEPS})"]
rows = [[name, forward[name], backward[name], differentiable[name], bodies_run[name]]
        for name in LOOPS]
HTML('<table class="table"><thead><tr>'
     + "".join(f'<th scope="col">{c}</th>' for c in columns) + "</tr></thead><tbody>"
     + "".join(f'<tr><th scope="row">{row[0]}</th>' + "".join(f"<td>{v}</td>" for v in row[1:])
               + "</tr>" for row in rows)
     + "</tbody></table>")
# [END table]
