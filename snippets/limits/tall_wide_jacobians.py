"""Forward vs reverse mode: which is cheaper depends on the Jacobian's shape."""

# [START tall_and_wide]
import jax
import jax.numpy as jnp


def layer_map(n_in, n_out, hidden=64, seed=0):
    k1, k2 = jax.random.split(jax.random.key(seed))
    A = jax.random.normal(k1, (hidden, n_in)) / jnp.sqrt(n_in)
    B = jax.random.normal(k2, (n_out, hidden)) / jnp.sqrt(hidden)
    return lambda x: B @ jnp.tanh(A @ x)


tall = layer_map(n_in=8, n_out=512)   # Jacobian 512 x 8
wide = layer_map(n_in=512, n_out=8)   # Jacobian 8 x 512
x_tall, x_wide = jnp.ones(8), jnp.ones(512)
# [END tall_and_wide]

# [START flops]
def compiled_flops(f, x):
    """FLOPs of the compiled program, as XLA counts them: the same on every run."""
    return jax.jit(f).lower(x).compile().cost_analysis()["flops"]


cases = [("tall", tall, x_tall), ("wide", wide, x_wide)]
flops = {(shape, mode.__name__): compiled_flops(mode(f), x)
         for shape, f, x in cases
         for mode in (jax.jacfwd, jax.jacrev)}
for (shape, mode), n in flops.items():
    print(f"{shape}  {mode}: {n / 1e6:6.2f} MFLOP")
# [END flops]

# [START best_ms]
import timeit


def best_ms(fn, x, number=5, repeat=3):
    fn(x).block_until_ready()  # compile outside the measurement
    runs = timeit.repeat(lambda: fn(x).block_until_ready(),
                         number=number, repeat=repeat)
    return 1e3 * min(runs) / number
# [END best_ms]


def measure():
    # [START timing]
    ms = {
        (shape, mode.__name__): best_ms(jax.jit(mode(f)), x)
        for shape, f, x in cases
        for mode in (jax.jacfwd, jax.jacrev)
    }
    for (shape, mode), t in ms.items():
        print(f"{shape}  {mode}: {t:8.3f} ms")
    print("device:", jax.devices()[0].platform)
    # [END timing]
    return ms
