"""A batched lax.while_loop runs until its slowest lane stops, holding finished lanes still."""

# [START per_lane]
import jax
import jax.numpy as jnp
from jax import lax

trips = []  # one entry per trip of the compiled loop


def halvings(x):
    """How many halvings bring x to 1 or below, and the value it ends on."""
    def body(carry):
        n, v = carry
        jax.debug.callback(lambda: trips.append(1))  # no arguments: not batched
        return n + 1, v / 2.0

    return lax.while_loop(lambda carry: carry[1] > 1.0, body, (0, x))


xs = jnp.array([1.5, 3.0, 40.0, 0.5])
steps, ends = jax.jit(jax.vmap(halvings))(xs)
jax.effects_barrier()  # wait for the callbacks
print("steps per lane:  ", steps)
print("final values:    ", ends)
print("trips of the loop:", len(trips))
# [END per_lane]

n_trips = len(trips)
one_by_one = [halvings(x) for x in xs]

# [START jaxpr]
loop = next(e for e in jax.make_jaxpr(jax.vmap(halvings))(xs).eqns
            if e.primitive.name == "while")
print("the predicate cond_jaxpr returns:", loop.params["cond_jaxpr"].out_avals[0])
print("body primitives:", [e.primitive.name for e in loop.params["body_jaxpr"].eqns])
# [END jaxpr]

predicate_aval = loop.params["cond_jaxpr"].out_avals[0]
body_primitives = [e.primitive.name for e in loop.params["body_jaxpr"].eqns]

# [START lowered]
lowered = jax.jit(jax.vmap(halvings)).lower(xs).as_text()
for line in lowered.splitlines():
    if any(word in line for word in ("while", "cond {", "} do {", "reduce", "select")):
        print(line.strip().split(" : ")[0])  # without the types
# [END lowered]

lowered_lines = lowered.splitlines()
cond_region = lowered.split("cond {", 1)[1].split("} do {", 1)[0]
body_region = lowered.split("} do {", 1)[1]


# [START exercise_solution]
def collatz_steps(n):
    """Steps of n -> n / 2 (even n) or 3n + 1 (odd n) until n reaches 1."""
    def body(carry):
        steps, m = carry
        jax.debug.callback(lambda: collatz_trips.append(1))
        return steps + 1, jnp.where(m % 2 == 0, m // 2, 3 * m + 1)

    return lax.while_loop(lambda carry: carry[1] != 1, body, (0, n))[0]


collatz_trips = []
starts = jnp.arange(1, 9)
per_lane = jax.jit(jax.vmap(collatz_steps))(starts)
jax.effects_barrier()
lane_steps = len(starts) * len(collatz_trips)  # body evaluations, one per lane per trip
print("steps per lane:", per_lane)
print("trips:", len(collatz_trips), "= the slowest lane's", int(per_lane.max()))
print(f"useful lane-steps: {int(per_lane.sum())} of {lane_steps}")
# [END exercise_solution]
