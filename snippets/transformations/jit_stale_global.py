"""Purity under jit: a global read by a jitted function is frozen into its trace."""

# [START captured_global]
import jax
import jax.numpy as jnp

tax_rate = 0.25


@jax.jit
def with_tax(price):
    return price * (1.0 + tax_rate)


first = with_tax(8.0)
tax_rate = 0.5
same_type_again = with_tax(8.0)
new_shape = with_tax(jnp.array([8.0, 8.0]))
print("rate 0.25:                     ", first)
print("rate 0.5, same argument type:  ", same_type_again)
print("rate 0.5, new argument shape:  ", new_shape)
# [END captured_global]


# [START pass_as_argument]
@jax.jit
def with_tax_rate(price, rate):
    return price * (1.0 + rate)


print(with_tax_rate(8.0, 0.25), with_tax_rate(8.0, 0.5))
# [END pass_as_argument]
