"""prevent_cse=False: no optimization barrier, and inside a scan nothing else changes."""

# [START prevent_cse]
import jax
import jax.numpy as jnp
from jax import lax

WIDTH = 128
weights = 0.3 * jnp.eye(WIDTH)
h0 = jnp.ones(WIDTH)


def block(h):
    return jnp.tanh(weights @ jnp.sin(weights @ h))


def scanned_gradient(prevent_cse):
    step = jax.checkpoint(block, prevent_cse=prevent_cse)

    def loss(h):
        return lax.scan(lambda h, _: (step(h), None), h, None, length=8)[0].sum()

    lowered = jax.jit(jax.grad(loss)).lower(h0)
    compiled = lowered.compile()
    return {"barriers": lowered.as_text().count("optimization_barrier"),
            "compiled sines": compiled.as_text().count(" sine("),
            "temp bytes": compiled.memory_analysis().temp_size_in_bytes}


with_cse_guard, without = scanned_gradient(True), scanned_gradient(False)
for key in with_cse_guard:
    print(f"{key:15} prevent_cse=True: {with_cse_guard[key]:>5}   False: {without[key]:>5}")
# [END prevent_cse]
