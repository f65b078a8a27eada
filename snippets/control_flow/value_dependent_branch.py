"""A Python `if` or `while` on a traced value: fine eagerly and under grad, an error under jit."""

# [START define]
import jax
import jax.numpy as jnp


def shrink(v, cutoff=0.5):
    if v > cutoff:  # Python needs a True or False right now
        return v - cutoff
    return 0.0 * v
# [END define]

# [START concrete_call]
shrink(2.0), shrink(jnp.float32(0.2))
# [END concrete_call]

concrete_values = (shrink(2.0), shrink(jnp.float32(0.2)))

# [START grad_alone]
grad_values = (jax.grad(shrink)(2.0), jax.grad(shrink)(0.2))
grad_values
# [END grad_alone]

# [START what_grad_sees]
looked = []


def shrink_and_look_under_grad(v, cutoff=0.5):
    looked.append((repr(v), repr(v > cutoff)))
    return shrink(v, cutoff)


jax.grad(shrink_and_look_under_grad)(2.0)
looked
# [END what_grad_sees]


def call_jitted():
    # [START jit_fails]
    jax.jit(shrink)(2.0)
    # [END jit_fails]


# [START what_jit_sees]
seen = []


def shrink_and_look(v):
    seen.append(repr(v))
    return 0.0 * v


jax.jit(shrink_and_look)(2.0)
seen
# [END what_jit_sees]

# [START python_while]
def halvings(v):
    count = 0
    while v > 1.0:
        v = v / 2.0
        count += 1
    return count


halvings(jnp.float32(40.0))
# [END python_while]

eager_halvings = halvings(jnp.float32(40.0))


def call_jitted_while():
    # [START jit_while_fails]
    jax.jit(halvings)(40.0)
    # [END jit_while_fails]


# [START exercise_solution]
@jax.jit
def shrink_jittable(v, cutoff=0.5):
    return jnp.where(v > cutoff, v - cutoff, 0.0 * v)


shrink_jittable(2.0), jax.grad(shrink_jittable)(2.0), jax.grad(shrink_jittable)(0.2)
# [END exercise_solution]

exercise_values = (shrink_jittable(2.0), jax.grad(shrink_jittable)(2.0),
                   jax.grad(shrink_jittable)(0.2))
