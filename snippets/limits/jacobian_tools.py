"""jacfwd, jacrev, jvp, vjp and hessian on a function from R^3 to R^4, with their shapes."""

# [START sensor]
import jax
import jax.numpy as jnp


def sensor(p):
    # Three parameters in, four readings out.
    a, b, c = p[0], p[1], p[2]
    return jnp.stack([a * jnp.sin(b), b**2 + c,
                      jnp.exp(a - c), a * b * c])


p0 = jnp.array([0.3, 1.2, -0.5])
print("output shape:", sensor(p0).shape)
# [END sensor]

# [START jacobians]
J_fwd = jax.jacfwd(sensor)(p0)
J_rev = jax.jacrev(sensor)(p0)
print("jacfwd:", J_fwd.shape, " jacrev:", J_rev.shape)
print("same matrix:", bool(jnp.allclose(J_fwd, J_rev)))
# [END jacobians]

# [START jvp_vjp]
v = jnp.array([1.0, 0.0, 0.0])       # tangent, input space
u = jnp.array([0.0, 1.0, 0.0, 0.0])  # cotangent, output space
_, column = jax.jvp(sensor, (p0,), (v,))
_, pullback = jax.vjp(sensor, p0)
(row,) = pullback(u)
print("J @ v:", column.shape, bool(jnp.allclose(column, J_fwd[:, 0])))
print("u @ J:", row.shape, bool(jnp.allclose(row, J_fwd[1, :])))
# [END jvp_vjp]

# [START hessians]
def energy(p):
    return jnp.sum(sensor(p) ** 2)


print("hessian of a scalar:", jax.hessian(energy)(p0).shape)
print("hessian of sensor:  ", jax.hessian(sensor)(p0).shape)
# [END hessians]

H_energy = jax.hessian(energy)(p0)
H_sensor = jax.hessian(sensor)(p0)


# [START exercise_hvp]
def hvp(f, x, v):
    # Forward-over-reverse: differentiate grad(f) along v, without
    # ever building the Hessian.
    return jax.jvp(jax.grad(f), (x,), (v,))[1]


v = jnp.array([0.5, -1.0, 2.0])
print("hvp:        ", hvp(energy, p0, v))
print("hessian @ v:", jax.hessian(energy)(p0) @ v)
# [END exercise_hvp]
