"""Gradients of a whole pytree of parameters: a small model whose parameters are nested dicts."""

# [START model]
import jax
import jax.numpy as jnp

hidden_key, readout_key, data_key = jax.random.split(
    jax.random.key(11), 3
)
params = {
    "hidden": {
        "w": 0.5 * jax.random.normal(hidden_key, (2, 4)),
        "b": jnp.zeros(4),
    },
    "readout": {
        "w": 0.5 * jax.random.normal(readout_key, (4,)),
        "b": jnp.array(0.0),
    },
}


def predict(params, inputs):
    # [None, :] spells out the broadcast of the bias over the batch rows.
    hidden = jnp.tanh(
        inputs @ params["hidden"]["w"] + params["hidden"]["b"][None, :]
    )
    return hidden @ params["readout"]["w"] + params["readout"]["b"]


def loss(params, inputs, targets):
    return jnp.mean((predict(params, inputs) - targets) ** 2)


inputs = jax.random.uniform(data_key, (6, 2), minval=-1.0, maxval=1.0)
targets = jnp.sin(2.0 * inputs[:, 0]) * inputs[:, 1]
# [END model]

# [START grads]
grads = jax.grad(loss)(params, inputs, targets)
jax.tree.map(jnp.shape, grads)
# [END grads]

# [START check_one_leaf]
# The loss is a mean of squared errors, so its derivative with respect
# to the output bias is twice the mean error.
by_hand = 2.0 * jnp.mean(predict(params, inputs) - targets)
print("jax.grad:", grads["readout"]["b"], " by hand:", by_hand)
# [END check_one_leaf]

# [START one_step]
step = jax.tree.map(lambda p, g: p - 0.2 * g, params, grads)
print(f"loss before: {loss(params, inputs, targets):.5f}")
print(f"loss after one step: {loss(step, inputs, targets):.5f}")
# [END one_step]
