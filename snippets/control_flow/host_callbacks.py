"""Three ways to call Python from compiled code: debug.callback, pure_callback, io_callback."""

# [START debug_callback]
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

trajectory = []


def record(step, position):
    trajectory.append((int(step), float(position)))


@jax.jit
def fall(height):
    def tick(i, h):
        jax.debug.callback(record, i, h)  # side effect only: returns nothing
        return h - 0.5 * 9.81 * 0.1**2 * (2 * i + 1)
    return lax.fori_loop(0, 4, tick, height)


fall(1.0)
jax.effects_barrier()
trajectory
# [END debug_callback]

# [START pure_callback]
import scipy.special


def host_lambertw(x):
    return scipy.special.lambertw(x).real.astype(x.dtype)  # no JAX version of this


@jax.jit
def omega_scaled(x):
    w = jax.pure_callback(host_lambertw, jax.ShapeDtypeStruct(x.shape, x.dtype), x)
    return 10.0 * w


omega_scaled(jnp.array([1.0, jnp.e]))
# [END pure_callback]

omega_values = omega_scaled(jnp.array([1.0, jnp.e]))

# [START pure_means_skippable]
host_calls = []


def noisy_double(x):
    host_calls.append(x)
    return 2.0 * x


@jax.jit
def ignores_result(x):
    jax.pure_callback(noisy_double, jax.ShapeDtypeStruct(x.shape, x.dtype), x)
    return x + 1.0


ignores_result(jnp.float32(3.0))
len(host_calls)
# [END pure_means_skippable]

skipped_calls = len(host_calls)

# [START io_callback]
from jax.experimental import io_callback

readings = iter([3.0, 1.0, 4.0, 1.0, 5.0, 9.0])  # a host-side stream


def read_sensor():
    return np.float32(next(readings))


@jax.jit
def sum_of_three_readings(start):
    def add_reading(i, total):
        return total + io_callback(read_sensor, jax.ShapeDtypeStruct((), jnp.float32),
                                   ordered=True)
    return lax.fori_loop(0, 3, add_reading, start)


first_sum = sum_of_three_readings(0.0)
second_sum = sum_of_three_readings(0.0)  # same input, the next three readings
first_sum, second_sum
# [END io_callback]
