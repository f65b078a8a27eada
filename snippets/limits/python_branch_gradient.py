"""A Python `if` inside grad: the gradient describes only the branch that ran."""

# [START tariff]
import jax
import jax.numpy as jnp


def tariff(kwh):
    # Cheap rate below 100 units; above, a fixed fee and a dearer rate.
    if kwh < 100.0:
        return 0.1 * kwh
    return 15.0 + 0.25 * (kwh - 100.0)


probe = {kwh: (float(tariff(kwh)), float(jax.grad(tariff)(kwh)))
         for kwh in [99.9, 100.0, 100.1]}
for kwh, (cost, slope) in probe.items():
    print(f"kwh={kwh:6.1f}  cost={cost:7.3f}  grad={slope:.3f}")
# [END tariff]

# [START across_the_jump]
h = 0.1
difference_quotient = (tariff(100 + h) - tariff(100 - h)) / (2 * h)
print("slope seen by grad on either side:",
      jax.grad(tariff)(100 - h), jax.grad(tariff)(100 + h))
print(f"change across the jump per unit: {difference_quotient:.2f}")
# [END across_the_jump]


# [START exercise_where_tariff]
def tariff_where(kwh):
    # Both branches are computed; the comparison only selects the result,
    # so jit and vmap can trace it.
    cheap = 0.1 * kwh
    dear = 15.0 + 0.25 * (kwh - 100.0)
    return jnp.where(kwh < 100.0, cheap, dear)


grid = jnp.array([20.0, 99.9, 100.0, 100.1, 180.0])
python_grads = [float(jax.grad(tariff)(float(k))) for k in grid]
where_grads = jax.jit(jax.vmap(jax.grad(tariff_where)))(grid)
print("python if:", python_grads)
print("jnp.where:", where_grads)
# [END exercise_where_tariff]
