"""The first call of a jitted function pays for tracing and compiling; later calls do not."""

# [START first_call_work]
import jax
import jax.numpy as jnp


def standardize_columns(m):
    centred = m - m.mean(axis=0, keepdims=True)
    return centred / jnp.sqrt(
        (centred**2).mean(axis=0, keepdims=True) + 1e-6
    )


table = jax.random.normal(jax.random.key(3), (300, 40))

traces, compilations = [], []


def on_compile(event, seconds, **kwargs):
    if event == "/jax/core/compile/backend_compile_duration":
        compilations.append(event)


jax.monitoring.register_event_duration_secs_listener(on_compile)


@jax.jit
def counted_standardize(m):
    traces.append(m.shape)  # Python runs only while tracing
    return standardize_columns(m)


work_per_call = []
for _ in range(26):
    before = len(traces), len(compilations)
    counted_standardize(table).block_until_ready()
    work_per_call.append((len(traces) - before[0], len(compilations) - before[1]))
print("call 1:     traces", work_per_call[0][0], " compilations", work_per_call[0][1])
print("calls 2-26: traces", sum(t for t, _ in work_per_call[1:]),
      " compilations", sum(c for _, c in work_per_call[1:]))
# [END first_call_work]

# [START first_call_cost]
import time

fast_standardize = jax.jit(standardize_columns)


def seconds_for_one_call():
    start = time.perf_counter()
    # Dispatch is asynchronous: wait for the result, not the launch.
    fast_standardize(table).block_until_ready()
    return time.perf_counter() - start


first_call = seconds_for_one_call()
later_calls = sorted(seconds_for_one_call() for _ in range(25))
typical_later_call = later_calls[len(later_calls) // 2]
print(f"first call:          {first_call * 1e3:8.2f} ms")
print(f"median of 25 later:  {typical_later_call * 1e3:8.2f} ms")
# [END first_call_cost]


# [START stage_costs]
def seconds(step):
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


# A new function object, so that nothing is cached for it yet.
fresh = jax.jit(lambda m: standardize_columns(m) * 1.0)
trace_s, stage_traced = seconds(lambda: fresh.trace(table))
lower_s, stage_lowered = seconds(stage_traced.lower)
compile_s, stage_compiled = seconds(stage_lowered.compile)
run_s, _ = seconds(lambda: stage_compiled(table).block_until_ready())
stage_seconds = {
    "trace": trace_s,
    "lower": lower_s,
    "compile": compile_s,
    "run": run_s,
}
for stage, spent in stage_seconds.items():
    print(f"{stage:>8}: {spent * 1e3:8.2f} ms")
# [END stage_costs]
