"""static_argnames: a Python value baked into the compiled program, one compilation per value."""

# [START compile_counter]
import jax

compilations = []


def count_compilations(event, seconds, **kwargs):
    if event == "/jax/core/compile/backend_compile_duration":
        compilations.append(seconds)


listen = jax.monitoring.register_event_duration_secs_listener
listen(count_compilations)
# [END compile_counter]

# [START traced_degree]
import jax.numpy as jnp


def chebyshev(x, degree):
    # T_{k+1} = 2 x T_k - T_{k-1}: the loop length is the degree
    below, current = jnp.ones_like(x), x
    for _ in range(degree - 1):
        below, current = current, 2.0 * x * current - below
    return current
# [END traced_degree]


def call_with_traced_degree():
    # [START traced_degree_fails]
    jax.jit(chebyshev)(jnp.linspace(-1.0, 1.0, 5), 4)
    # [END traced_degree_fails]


# [START static_degree]
chebyshev_jit = jax.jit(chebyshev, static_argnames=["degree"])

xs = jnp.linspace(-1.0, 1.0, 5)
degrees = [3, 3, 3, 4, 5, 4, 3, 6]
before = len(compilations)
for degree in degrees:
    chebyshev_jit(xs, degree=degree)
len(compilations) - before
# [END static_degree]

new_compilations = len(compilations) - before

# [START timing]
import time


def seconds(degree):
    begin = time.perf_counter()
    chebyshev_jit(xs, degree=degree).block_until_ready()
    return time.perf_counter() - begin


first, again = seconds(9), seconds(9)
print(f"new degree: {first * 1e3:.1f} ms, same degree again: {again * 1e3:.3f} ms")
# [END timing]
