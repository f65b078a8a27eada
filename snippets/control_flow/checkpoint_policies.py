"""jax.checkpoint and its named policies: what each one keeps for the backward pass."""

# [START block]
import jax
import jax.numpy as jnp
from jax.ad_checkpoint import print_saved_residuals


def block(h, weights):
    a = jnp.sin(weights @ h)
    return jnp.tanh(weights @ a)


def loss(h, weights):
    return block(h, weights).sum()


h0 = jnp.ones(16)
weights = 0.3 * jnp.eye(16)
print_saved_residuals(loss, h0, weights)
# [END block]

# [START checkpointed]
def loss_remat(h, weights):
    return jax.checkpoint(block)(h, weights).sum()


print_saved_residuals(loss_remat, h0, weights)
same_gradient = jnp.allclose(
    jax.grad(loss)(h0, weights), jax.grad(loss_remat)(h0, weights)
)
print("same gradient as without checkpoint:", bool(same_gradient))
# [END checkpointed]

# [START policies]
policies = {
    "nothing_saveable": jax.checkpoint_policies.nothing_saveable,
    "dots_saveable": jax.checkpoint_policies.dots_saveable,
    "everything_saveable": jax.checkpoint_policies.everything_saveable,
}


def loss_with(policy):
    remat_block = jax.checkpoint(block, policy=policy)
    return lambda h, w: remat_block(h, w).sum()


for name, policy in policies.items():
    print(f"--- {name}")
    print_saved_residuals(loss_with(policy), h0, weights)
# [END policies]

import contextlib  # noqa: E402
import io  # noqa: E402


def residual_lines(f, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_saved_residuals(f, *args)
    return out.getvalue().splitlines()


saved = {"plain": residual_lines(loss, h0, weights),
         "checkpoint": residual_lines(loss_remat, h0, weights)}
for _name, _policy in policies.items():
    saved[_name] = residual_lines(loss_with(_policy), h0, weights)
