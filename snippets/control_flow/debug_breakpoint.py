"""`jax.debug.breakpoint` is a host callback that opens a debugger on the traced frames."""

# [START in_the_jaxpr]
import jax
import jax.numpy as jnp


def damped(x):
    decay = jnp.exp(-x)
    jax.debug.breakpoint()
    return decay * jnp.cos(x)


print(jax.make_jaxpr(damped)(1.0))
# [END in_the_jaxpr]

# [START scripted_session]
import io
import re


def damped_scripted(x, commands, transcript):
    decay = jnp.exp(-x)
    jax.debug.breakpoint(backend="cli", stdin=commands, stdout=transcript)
    return decay * jnp.cos(x)


commands = io.StringIO("p x\np decay\np decay * 2\nc\n")  # what a user would type
transcript = io.StringIO()
result = jax.jit(damped_scripted, static_argnums=(1, 2))(1.0, commands, transcript)
jax.effects_barrier()
print(transcript.getvalue())
print("result:", result)
# [END scripted_session]

# [START under_vmap]
commands = io.StringIO("p decay\nc\n" * 3)  # one session per element
transcript = io.StringIO()
jax.vmap(damped_scripted, in_axes=(0, None, None))(
    jnp.array([0.0, 1.0, 2.0]), commands, transcript)
jax.effects_barrier()
vmap_sessions = transcript.getvalue().count("Entering jdb:")
print(transcript.getvalue())
# [END under_vmap]

# [START frames]
def scripted_up(commands):
    transcript = io.StringIO()

    def inner(y):
        jax.debug.breakpoint(backend="cli", stdin=commands, stdout=transcript)
        return y + 1

    @jax.jit
    def outer(x):
        scale = 3.0 * x
        return inner(scale) * 2

    outer(2.0)
    jax.effects_barrier()
    return transcript.getvalue()


session = scripted_up(io.StringIO("p y\nup\np scale\nc\n"))
print(re.sub(r"> .*\((\d+)\)", r"> (cell line \1)", session))
# [END frames]
