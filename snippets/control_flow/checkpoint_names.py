"""checkpoint_name with save_only_these_names, and what the offloading policy does on CPU."""

# [START named]
import jax
import jax.numpy as jnp
from jax.ad_checkpoint import checkpoint_name, print_saved_residuals


def block(h, weights):
    a = checkpoint_name(jnp.sin(weights @ h), "after_sin")   # a name a policy can refer to
    return jnp.tanh(weights @ a)


h0 = jnp.ones(16)
weights = 0.3 * jnp.eye(16)
keep_named = jax.checkpoint_policies.save_only_these_names("after_sin")


def loss_named(h, w):
    return jax.checkpoint(block, policy=keep_named)(h, w).sum()


print_saved_residuals(loss_named, h0, weights)
# [END named]

# [START offload]
offload_named = jax.checkpoint_policies.save_and_offload_only_these_names(
    names_which_can_be_saved=[], names_which_can_be_offloaded=["after_sin"],
    offload_src="device", offload_dst="pinned_host")


def loss_offloaded(h, w):
    return jax.checkpoint(block, policy=offload_named)(h, w).sum()


print_saved_residuals(loss_offloaded, h0, weights)
compiled = jax.jit(jax.grad(loss_offloaded)).lower(h0, weights).compile()
stats = compiled.memory_analysis()
print("host bytes in the compiled program:", stats.host_temp_size_in_bytes,
      stats.host_argument_size_in_bytes, stats.host_output_size_in_bytes)
print("same gradient:", bool(jnp.allclose(jax.grad(loss_offloaded)(h0, weights),
                                          jax.grad(loss_named)(h0, weights))))
# [END offload]
