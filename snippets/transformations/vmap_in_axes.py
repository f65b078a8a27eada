"""`in_axes`: which argument is batched, along which axis, and which is shared (`None`)."""

# [START rotate]
import jax
import jax.numpy as jnp


def rotate(angle, point):
    cos, sin = jnp.cos(angle), jnp.sin(angle)
    return jnp.stack(
        [
            cos * point[0] - sin * point[1],
            sin * point[0] + cos * point[1],
        ]
    )


rotate(jnp.pi / 2, jnp.array([1.0, 0.0]))
# [END rotate]

# [START shared_angle]
points = jnp.array(
    [[1.0, 0.0], [0.0, 2.0], [3.0, 3.0], [-1.0, 0.5], [0.2, -4.0]]
)
quarter_turn = jnp.pi / 2

rotate_points = jax.vmap(rotate, in_axes=(None, 0))
turned = rotate_points(quarter_turn, points)
print("points", points.shape, "-> turned", turned.shape)
print(turned.round(3))
exact_turn = jnp.stack([-points[:, 1], points[:, 0]], axis=1)  # (x, y) -> (-y, x)
turn_error = jnp.abs(turned - exact_turn).max()
print("largest difference from the exact quarter turn:", turn_error)
# [END shared_angle]

# [START shared_point]
angles = jnp.linspace(0.0, jnp.pi, 5)
one_point = jnp.array([1.0, 0.0])

sweep = jax.vmap(rotate, in_axes=(0, None))(angles, one_point)
print("angles", angles.shape, "-> positions", sweep.shape)
# [END shared_point]

# [START both_batched]
paired = jax.vmap(rotate, in_axes=(0, 0))(angles, points)
print("angles", angles.shape, "points", points.shape)
print("-> paired", paired.shape)
# [END both_batched]


def mismatched_batch_sizes():
    # [START mismatched]
    jax.vmap(rotate, in_axes=(0, 0))(angles, points[:3])
    # [END mismatched]


# [START other_axis]
points_by_column = points.T
from_columns = jax.vmap(rotate, in_axes=(None, 1))(
    quarter_turn, points_by_column
)
print("columns", points_by_column.shape, "->", from_columns.shape)
print("same as mapping the rows:", bool((from_columns == turned).all()))
# [END other_axis]
