"""Which branches actually run: cond and switch run one, the selection functions run all."""

# [START logged_branches]
import jax
import jax.numpy as jnp
from jax import lax

ran = []


def logged(name, fn):
    def branch(v):
        # a runtime callback: it fires only if the compiled program executes this branch
        jax.debug.callback(lambda: ran.append(name))
        return fn(v)
    return branch


flip = logged("flip", lambda v: -v)
square = logged("square", lambda v: v * v)
halve = logged("halve", lambda v: 0.5 * v)
# [END logged_branches]

# [START which_ran]
x = jnp.float32(3.0)
xs = jnp.array([-2.0, 0.5, 3.0])
constructs = {
    "lax.cond": lambda: lax.cond(x > 1.0, square, flip, x),
    "lax.switch": lambda: lax.switch(2, [flip, halve, square], x),
    "jnp.where": lambda: jnp.where(x > 1.0, square(x), flip(x)),
    "lax.select": lambda: lax.select(x > 1.0, square(x), flip(x)),
    "jnp.select": lambda: jnp.select([x < 0.0, x > 1.0], [flip(x), square(x)], halve(x)),
    "jnp.piecewise": lambda: jnp.piecewise(xs, [xs < 0.0, xs > 1.0], [flip, square, halve]),
    "vmap of lax.cond": lambda: jax.vmap(lambda v: lax.cond(v > 1.0, square, flip, v))(xs),
}
branches_run = {}
for name, make in constructs.items():
    ran.clear()
    jax.jit(make)()
    jax.effects_barrier()  # wait for the callbacks
    branches_run[name] = sorted(ran)
    print(f"{name:17s} ran {', '.join(branches_run[name])}")
# [END which_ran]
