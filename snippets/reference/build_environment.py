"""Which JAX, and which device, produced the numbers on a page."""

# [START describe]
import platform

import jax
import jaxlib

device = jax.devices()[0]
print(f"JAX {jax.__version__}, jaxlib {jaxlib.__version__}")
print(f"Python {platform.python_version()}")
count, kind = jax.device_count(), device.device_kind
print(f"{count} device(s), first: {device.platform} ({kind})")
# [END describe]
