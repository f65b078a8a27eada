"""Log-sum-exp: the naive formula overflows, the library versions do not, in value or gradient."""

# [START naive_vs_stable]
import jax
import jax.numpy as jnp
import jax.scipy.special as jsp


def naive_lse(scores):
    return jnp.log(jnp.sum(jnp.exp(scores)))


big = jnp.array([700.0, 699.0, 697.0])
tiny = jnp.array([-900.0, -901.0, -903.0])
versions = {"naive": naive_lse, "jax.nn": jax.nn.logsumexp,
            "jax.scipy": jsp.logsumexp}
runs = {}  # (version, input) -> (value, gradient)
for name, lse in versions.items():
    for label, s in [("big", big), ("tiny", tiny)]:
        runs[name, label] = value, grad = lse(s), jax.grad(lse)(s)
        print(f"{name:>9} {label:>4}: {value:9.4f}", "grad", grad)
# [END naive_vs_stable]

naive_big, naive_tiny = naive_lse(big), naive_lse(tiny)
naive_grad_big = jax.grad(naive_lse)(big)
stable_big, stable_tiny = jax.nn.logsumexp(big), jax.nn.logsumexp(tiny)
stable_grad_big = jax.grad(jax.nn.logsumexp)(big)
scipy_grad_tiny = jax.grad(jsp.logsumexp)(tiny)
