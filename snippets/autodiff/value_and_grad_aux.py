"""jax.value_and_grad with has_aux: the loss, something extra, and the gradient in one pass."""

# [START has_aux]
import jax
import jax.numpy as jnp

inputs = jnp.array([0.5, -1.0, 2.0])
targets = jnp.array([1.0, -1.5, 3.5])


def loss_and_predictions(w):
    predictions = w * inputs
    return jnp.mean((predictions - targets) ** 2), predictions   # (scalar, aux)


(value, predictions), gradient = jax.value_and_grad(loss_and_predictions, has_aux=True)(1.5)
print("loss", value, " predictions", predictions, " gradient", gradient)
# [END has_aux]


def grad_without_has_aux():
    # [START without_has_aux]
    jax.grad(loss_and_predictions)(1.5)
    # [END without_has_aux]
