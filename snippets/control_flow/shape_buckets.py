"""Padding inputs to a few bucket sizes, so that new lengths stop causing new traces."""

# [START one_trace_per_length]
import jax
import jax.numpy as jnp
import numpy as np

traces = []


@jax.jit
def mean_of_valid(padded, length):
    traces.append(padded.shape)  # Python runs this line only while tracing
    valid = jnp.arange(padded.shape[0]) < length
    return jnp.mean(padded, where=valid)


lengths = [3, 5, 6, 9, 11, 14, 17, 23, 30]  # e.g. sentences from a data loader
batches = [np.linspace(0.0, 1.0, n, dtype=np.float32) for n in lengths]
exact = [mean_of_valid(b, len(b)) for b in batches]
print(len(traces), "traces,", mean_of_valid._cache_size(), "cache entries,",
      len(lengths), "lengths")
# [END one_trace_per_length]

unbucketed_traces = len(traces)
unbucketed_cache = mean_of_valid._cache_size()

# [START bucketed]
def bucket(n):
    return max(8, 1 << (n - 1).bit_length())  # the next power of two, at least 8


def pad_to_bucket(x):
    return np.pad(x, (0, bucket(len(x)) - len(x)))  # NumPy, on the host


traces.clear()
bucketed = [mean_of_valid(pad_to_bucket(b), len(b)) for b in batches]
print(len(traces), "traces, shapes", sorted(set(traces)))
print("largest difference from the unpadded means:",
      max(float(abs(a - b)) for a, b in zip(exact, bucketed, strict=True)))
# [END bucketed]

bucketed_traces = len(traces)
bucket_shapes = sorted(set(traces))
largest_difference = max(float(abs(a - b)) for a, b in zip(exact, bucketed, strict=True))
