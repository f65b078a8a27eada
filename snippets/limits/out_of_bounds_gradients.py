"""Out-of-bounds indexing under autodiff: clamped reads, dropped writes, and their gradients."""

# [START reads]
import jax
import jax.numpy as jnp

x = jnp.arange(1.0, 6.0)   # five elements, indices 0..4


def read(x, i):
    return x[i]


for i in (4, 10, -7):
    print(f"x[{i:>3}] = {float(read(x, i))}   gradient {jax.grad(read)(x, i)}")
# [END reads]

# [START take_fill]
def take(x):
    return jnp.take(x, 10)           # default mode for jnp.take: "fill"


def get_fill_zero(x):
    return x.at[10].get(mode="fill", fill_value=0.0)


print("jnp.take:         ", take(x), " gradient", jax.grad(take)(x))
print("at[].get(fill=0): ", get_fill_zero(x), " gradient", jax.grad(get_fill_zero)(x))
# [END take_fill]

# [START writes]
def written(x, value, i):
    return jnp.sum(x.at[i].set(value) ** 2)


print("x.at[10].set(100.0):", x.at[10].set(100.0))
d_x, d_value = jax.grad(written, argnums=(0, 1))(x, 100.0, 10)
print("gradient for x:", d_x, " for the value written:", d_value)
# [END writes]



# [START exercise_solution]
def window_sums_clamped(x, width=3):
    # x[i] + x[i+1] + x[i+2] for every i; the last windows read past the end
    return jnp.stack([sum(x[i + k] for k in range(width)) for i in range(x.shape[0])])


def window_sums(x, width=3):
    return jnp.stack([sum(x.at[i + k].get(mode="fill", fill_value=0.0)
                          for k in range(width)) for i in range(x.shape[0])])


print("fill with 0:", jax.grad(lambda x: jnp.sum(window_sums(x)))(x))
print("clamped:    ", jax.grad(lambda x: jnp.sum(window_sums_clamped(x)))(x))
# [END exercise_solution]
