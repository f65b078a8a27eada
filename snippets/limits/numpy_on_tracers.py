"""NumPy and SciPy meeting a traced value inside jax.grad."""

from snippets.limits.jump_gradients import markdown_table  # defined earlier on the page

# [START outside_table]
import jax
import numpy as np
import scipy.special

attempts = {
    "np.sin(x)": lambda x: np.sin(x),
    "np.exp(x) * x": lambda x: np.exp(x) * x,
    "scipy.special.erf(x)": lambda x: scipy.special.erf(x),
    "np.sum(x ** 2)": lambda x: np.sum(x**2),
    "np.max(x * 5.0)": lambda x: np.max(x * 5.0),
    "x ** 2 (reference)": lambda x: x**2,
}


def outcome(fn, x=1.5):
    # The gradient as a float, or the name of the error's class.
    try:
        return float(jax.grad(fn)(x))
    except Exception as err:
        return type(err).__name__


outcomes = {name: outcome(fn) for name, fn in attempts.items()}
markdown_table(
    ["inside the function", "jax.grad at x = 1.5"],
    [[f"`{name}`", f"gradient {r:g}" if isinstance(r, float) else f"`{r}`"]
     for name, r in outcomes.items()],
)
# [END outside_table]


def call_numpy_sin():
    # [START numpy_sin_error]
    jax.grad(lambda x: np.sin(x))(1.5)
    # [END numpy_sin_error]


# [START numpy_constants]
import jax.numpy as jnp

nodes = np.cos(np.pi * (np.arange(5) + 0.5) / 5)  # Chebyshev nodes


def spread(x):
    return jnp.sum((x - nodes) ** 2)


print("nodes are", type(nodes).__name__, nodes.dtype)
print("d spread / dx at 0.3:", jax.grad(spread)(0.3))
# [END numpy_constants]
