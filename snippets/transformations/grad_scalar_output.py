"""`jax.grad` needs a scalar output; `jax.jacobian` handles vector outputs."""

import jax
import jax.numpy as jnp


def grad_of_vector_output():
    # [START vector_output]
    def squares(v):
        return v**2

    jax.grad(squares)(jnp.array([1.0, 2.0, 3.0]))
    # [END vector_output]


def grad_of_length_one_output():
    # [START length_one_output]
    def total_as_array(v):
        return jnp.sum(v**2, keepdims=True)

    jax.grad(total_as_array)(jnp.array([1.0, 2.0, 3.0]))
    # [END length_one_output]


# [START jacobian_instead]
def squares(v):
    return v**2


point = jnp.array([1.0, 2.0, 3.0])
print("jacobian:\n", jax.jacobian(squares)(point))
total_grad = jax.grad(lambda v: jnp.sum(squares(v)))(point)
print("grad of the sum:", total_grad)
# [END jacobian_instead]
