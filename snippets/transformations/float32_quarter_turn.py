"""cos(pi/2) is not 0 in float32: pi/2 itself is rounded to the nearest float32."""

# [START quarter_turn_in_float32]
import jax.numpy as jnp
import numpy as np

true_angle = np.pi / 2                        # float64, itself rounded at 1e-16
angle32 = jnp.float32(jnp.pi / 2)             # what rotate received
angle_error = float(angle32) - true_angle
cos32 = float(jnp.cos(angle32))
cos64 = float(np.cos(true_angle))
eps32 = float(jnp.finfo(jnp.float32).eps)

print(f"pi/2 in float64      {true_angle:.17f}")
print(f"pi/2 in float32      {float(angle32):.17f}  (off by {angle_error:+.2e})")
print(f"cos in float32       {cos32:+.2e}")
print(f"cos in float64       {cos64:+.2e}")
print(f"float32 epsilon      {eps32:.2e}")
# [END quarter_turn_in_float32]
