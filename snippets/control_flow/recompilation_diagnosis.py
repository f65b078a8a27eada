"""Diagnosing recompilation: JAX's own logs, and counts of traces and compilations."""

# [START counters]
import contextlib

import jax
import jax.numpy as jnp

events = {"/jax/core/compile/jaxpr_trace_duration": "traces",
          "/jax/core/compile/backend_compile_duration": "compiles"}
totals = {"traces": 0, "compiles": 0}


def on_event(event, seconds, **kwargs):
    if event in events:
        totals[events[event]] += 1


# Register once: running this cell a second time would count every event twice.
jax.monitoring.register_event_duration_secs_listener(on_event)


@contextlib.contextmanager
def counting():
    """Yield a dict that holds, on exit, the traces and compilations made inside."""
    before, counts = dict(totals), {}
    yield counts
    counts.update({name: totals[name] - before[name] for name in totals})
# [END counters]

# [START capture_logs]
import logging
import re
import textwrap


def tidy(message):
    """Drop what changes between runs: durations, object ids, file locations."""
    message = re.sub(r"in \d+\.\d+ sec", "in … sec", message)
    message = re.sub(r" id=\d+| at 0x[0-9a-f]+", "", message)
    return re.sub(r" (?:defined )?at \S+:\d+(?: \([^)]*\))?", "", message)


class Collect(logging.Handler):
    def __init__(self, lines):
        super().__init__()
        self.lines = lines

    def emit(self, record):
        self.lines.append(tidy(record.getMessage()))


def show(lines, containing=""):
    """Print the messages that contain a text, wrapped to fit a narrow screen."""
    for line in (line for line in lines if containing in line):
        for part in line.splitlines():
            indent = " " * (len(part) - len(part.lstrip()) + 4)
            print(textwrap.fill(part, 80, subsequent_indent=indent,
                                break_long_words=False))


@contextlib.contextmanager
def jax_logs():
    """Turn on both flags and collect JAX's log messages instead of printing them."""
    lines, logger = [], logging.getLogger("jax")
    handler, propagate = Collect(lines), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # nothing reaches stderr
    try:
        with jax.log_compiles(True), jax.explain_cache_misses(True):
            yield lines
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
# [END capture_logs]

# [START first_look]
def rescale(x, factor):
    return x * factor


rescale_jit = jax.jit(rescale)
short, long = jnp.ones(3), jnp.ones(4)  # made first: creating them compiles too
with jax_logs() as log, counting() as counts:
    rescale_jit(short, 2.0)
    rescale_jit(short, 3.0)
    rescale_jit(long, 2.0)
print(counts)
show(log)
# [END first_look]

first_look_counts, first_look_log = counts, log

# [START weak_type]
factor_array = jnp.float32(2.0)  # a strongly typed float32 scalar
with jax_logs() as log, counting() as counts:
    rescale_jit(long, factor_array)
print(counts)
show(log, "CACHE MISS")
# [END weak_type]

weak_counts, weak_log = counts, log

# [START fresh_functions]
import functools

samples = jnp.linspace(0.0, 1.0, 5)
ways = {
    "fresh lambda": lambda: jax.jit(lambda x: rescale(x, 2.0))(samples),
    "fresh partial": lambda: jax.jit(functools.partial(rescale, factor=2.0))(samples),
    "jax.jit(rescale) again": lambda: jax.jit(rescale)(samples, 2.0),
}
loop_counts = {}
for name, call in ways.items():
    with counting() as loop_counts[name]:
        for _ in range(3):
            call()
for name, counts in loop_counts.items():
    print(f"{name:>22}, three times: {counts}")
# [END fresh_functions]

# [START fresh_lambda_log]
with jax_logs() as log:
    jax.jit(lambda x: rescale(x, 2.0))(samples)
show(log, "CACHE MISS")
# [END fresh_lambda_log]

fresh_log = log

# [START hoisted]
double = jax.jit(functools.partial(rescale, factor=2.0))  # made once, outside the loop
with counting() as hoisted_counts:
    for _ in range(3):
        double(samples)
hoisted_counts
# [END hoisted]


# [START static_config]
class Smoothing:  # no __eq__ or __hash__: equal only to itself
    def __init__(self, width):
        self.width = width


def smooth(x, config):
    kernel = jnp.ones(config.width) / config.width
    return jnp.convolve(x, kernel, mode="same")


smooth_jit = jax.jit(smooth, static_argnames="config")
signal = jnp.sin(jnp.linspace(0.0, 6.0, 32))
with counting() as identity_counts:
    for _ in range(3):
        smooth_jit(signal, config=Smoothing(3))
identity_counts
# [END static_config]


def unhashable_static():
    # [START unhashable]
    smooth_jit(signal, config={"width": 3})
    # [END unhashable]


# [START static_config_log]
with jax_logs() as log:
    smooth_jit(signal, config=Smoothing(3))
show(log, "CACHE MISS")
# [END static_config_log]

identity_log = log

# [START frozen_config]
import dataclasses


@dataclasses.dataclass(frozen=True)
class FrozenSmoothing:  # __eq__ and __hash__ from the fields
    width: int


with counting() as frozen_counts:
    for _ in range(3):
        smooth_jit(signal, config=FrozenSmoothing(3))
frozen_counts
# [END frozen_config]

# [START buckets]
def mean_of_valid(padded, n_valid):
    mask = jnp.arange(padded.shape[0]) < n_valid
    return jnp.sum(jnp.where(mask, padded, 0.0)) / n_valid


mean_jit = jax.jit(mean_of_valid)
lengths = [3, 5, 7, 9, 12, 17, 20, 31, 33, 50]
batches = [jnp.linspace(0.0, 1.0, n) for n in lengths]  # made before counting


def bucket(n):
    return 1 << (n - 1).bit_length()  # the next power of two


padded = [jnp.pad(x, (0, bucket(x.shape[0]) - x.shape[0])) for x in batches]
with counting() as exact_counts:
    exact = [mean_jit(x, x.shape[0]) for x in batches]
with counting() as bucket_counts:
    bucketed = [mean_jit(x, n) for x, n in zip(padded, lengths, strict=True)]
same = all(bool(jnp.allclose(e, b)) for e, b in zip(exact, bucketed, strict=True))
print("exact shapes:   ", exact_counts)
print("buckets", sorted({bucket(n) for n in lengths}), ":", bucket_counts)
print("same means:", same)
# [END buckets]

# [START exercise_solution]
def train_step(weights, learning_rate):
    return weights - learning_rate * 2.0 * weights


step_jit = jax.jit(train_step)
weights = jnp.ones(4)
schedule = [0.1, 0.05, jnp.float32(0.01), jnp.float32(0.005)]  # floats, then arrays
with jax_logs() as log, counting() as schedule_counts:
    for learning_rate in schedule:
        weights = step_jit(weights, learning_rate)
print(schedule_counts)
show(log, "CACHE MISS")

weights = jnp.ones(4)
with counting() as fixed_counts:
    for learning_rate in schedule:
        weights = step_jit(weights, jnp.float32(learning_rate))
print("every rate as a float32 array:", fixed_counts)
# [END exercise_solution]

schedule_log = log
