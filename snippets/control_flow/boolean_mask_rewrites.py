"""A boolean mask under jit: filtering has no static shape, the fixed-shape rewrites do."""

# [START eager_filter]
import jax
import jax.numpy as jnp

readings = jnp.array([2.0, -1.0, 4.0, 0.0, -3.0, 6.0])


def positive_mean(x):
    return x[x > 0].mean()  # x[x > 0] has as many elements as x has positives


positive_mean(readings)  # eagerly the mask is a concrete array, so this works
# [END eager_filter]

eager_mean = float(positive_mean(readings))


def filter_under_jit():
    # [START filter_under_jit]
    jax.jit(positive_mean)(readings)
    # [END filter_under_jit]


# [START three_argument_where]
@jax.jit
def zero_negatives(x):
    return jnp.where(x > 0, x, 0.0)  # one output element per input element


zero_negatives(readings)
# [END three_argument_where]

zeroed = zero_negatives(readings)


# [START masked_mean]
@jax.jit
def positive_mean_masked(x):
    keep = x > 0
    return jnp.sum(jnp.where(keep, x, 0.0)) / jnp.sum(keep)


@jax.jit
def positive_mean_where(x):
    return jnp.mean(x, where=x > 0)  # the reductions take the mask themselves


no_positives = jnp.full(3, -1.0)
print("masked sum / count:", positive_mean_masked(readings))
print("mean(where=...):   ", positive_mean_where(readings))
print("no element kept:   ", positive_mean_where(no_positives))
# [END masked_mean]

masked_means = (float(positive_mean_masked(readings)), float(positive_mean_where(readings)))
empty_mean = float(positive_mean_where(no_positives))


def nonzero_under_jit():
    # [START nonzero_without_size]
    jax.jit(lambda x: jnp.nonzero(x > 0))(readings)
    # [END nonzero_without_size]


# [START nonzero_size]
from functools import partial


@partial(jax.jit, static_argnames="size")
def positive_values(x, size):
    # pad with an index past the end, which the gather then reads as 0.0
    (positions,) = jnp.nonzero(x > 0, size=size, fill_value=x.shape[0])
    values = x.at[positions].get(mode="fill", fill_value=0.0)
    return positions, values


print(positive_values(readings, size=5))
print(positive_values(readings, size=2))  # too small: later positives are dropped
# [END nonzero_size]

padded_positions, padded_values = positive_values(readings, size=5)
short_positions, _ = positive_values(readings, size=2)


# [START minus_one_trap]
(positions,) = jnp.nonzero(readings > 0, size=5, fill_value=-1)
print(positions, readings.at[positions].get(mode="fill", fill_value=0.0))
# [END minus_one_trap]

trap_positions = positions
trap_values = readings.at[positions].get(mode="fill", fill_value=0.0)

# [START exercise_solution]
band_traces = []


@jax.jit
def band_mean(x, low, high):
    band_traces.append(1)  # counts traces
    inside = (x >= low) & (x <= high)
    return jnp.mean(x, where=inside)


def band_mean_eager(x, low, high):
    return x[(x >= low) & (x <= high)].mean()  # filtering, outside jit


for low, high in [(0.0, 5.0), (-2.0, 2.0)]:
    print(f"[{low}, {high}]:", band_mean(readings, low, high),
          "eager filter:", band_mean_eager(readings, low, high))
print("traces:", len(band_traces))
# [END exercise_solution]

band_pairs = [(float(band_mean(readings, lo, hi)), float(band_mean_eager(readings, lo, hi)))
              for lo, hi in [(0.0, 5.0), (-2.0, 2.0)]]
band_trace_count = len(band_traces)
