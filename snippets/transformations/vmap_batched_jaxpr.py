"""What `vmap` produces: the same operations on arrays with a batch axis, not a loop."""

from snippets.transformations.vmap_in_axes import points, quarter_turn, rotate_points

# [START batched_jaxpr]
import jax

batched_jaxpr = jax.make_jaxpr(rotate_points)(quarter_turn, points)
batched_jaxpr
# [END batched_jaxpr]

primitive_names = [eqn.primitive.name for eqn in batched_jaxpr.jaxpr.eqns]
