"""jax.grad refuses a function whose output is not a scalar."""


def grad_of_vector_output():
    # [START vector_output]
    import jax
    import jax.numpy as jnp

    def readings(x):
        return jnp.stack([jnp.sin(x), x**3])

    jax.grad(readings)(0.4)
    # [END vector_output]
