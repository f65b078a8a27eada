"""A bounded while loop for reverse mode: a masked scan, its memory, and a checkpointed body."""

# [START define]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH = 64
w = 0.3 * jax.random.normal(jax.random.key(0), (WIDTH, WIDTH)) / WIDTH**0.5
h0 = jnp.ones(WIDTH)


def body(h):
    return jnp.tanh(w @ h + 0.1)


def settled(new, old):
    return jnp.max(jnp.abs(new - old)) < 1e-4


def steps_needed(h0, limit=1000):
    """The while_loop itself, run forward only, to count its iterations."""
    def keep_going(state):
        i, h, previous = state
        return (i < limit) & ~settled(h, previous)

    def step(state):
        i, h, _ = state
        return i + 1, body(h), h

    return lax.while_loop(keep_going, step, (1, body(h0), h0))[0]


print("the loop settles after", int(steps_needed(h0)), "steps")
# [END define]

# [START bounded]
def bounded(h0, max_steps, checkpoint_body=False):
    def step(carry, _):
        h, done = carry
        new = body(h)
        finished = done | settled(new, h)
        return (jnp.where(done, h, new), finished), None   # finished steps pass h through

    if checkpoint_body:
        step = jax.checkpoint(step)
    return lax.scan(step, (h0, False), None, length=max_steps)[0][0]


def known_count(h0, steps):
    return lax.scan(lambda h, _: (body(h), None), h0, None, length=steps)[0]
# [END bounded]

# [START memory]
def gradient_bytes(f):
    compiled = jax.jit(jax.grad(lambda h: jnp.sum(f(h)))).lower(h0).compile()
    return compiled.memory_analysis().temp_size_in_bytes


n = int(steps_needed(h0))
versions = {
    f"known count ({n})": lambda h: known_count(h, n),
    "bounded, max 200": lambda h: bounded(h, 200),
    "bounded, max 200, checkpointed": lambda h: bounded(h, 200, True),
    "bounded, max 1000": lambda h: bounded(h, 1000),
    "bounded, max 1000, checkpointed": lambda h: bounded(h, 1000, True),
}
temp_bytes = {name: gradient_bytes(f) for name, f in versions.items()}
gradients = {name: jax.grad(lambda h, f=f: jnp.sum(f(h)))(h0) for name, f in versions.items()}
for name, b in temp_bytes.items():
    print(f"{name:32} {b / 1024:8.1f} KiB temporaries")
# [END memory]

reference = gradients[f"known count ({n})"]
all_agree = all(bool(jnp.allclose(g, reference, atol=1e-6)) for g in gradients.values())


# [START exercise_solution]
def steps_taken(h0, max_steps):
    def step(carry, _):
        h, done, count = carry
        new = body(h)
        finished = done | settled(new, h)
        return (jnp.where(done, h, new), finished, count + (~done).astype(jnp.int32)), None

    return lax.scan(step, (h0, False, 0), None, length=max_steps)[0][2]


print("steps the bounded loop really took:", int(steps_taken(h0, 200)),
      " the while_loop:", n)
# [END exercise_solution]
