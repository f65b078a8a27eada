"""Compile time of one loop written three ways: unrolled Python, scan, fori_loop."""

# [START loop_builders]
import jax
import jax.numpy as jnp
from jax import lax


def relax(state):
    return 0.5 * jnp.cos(state) + 0.25 * state


def python_loop(steps):
    def run(state):
        for _ in range(steps):  # traced once per step: the jaxpr grows
            state = relax(state)
        return state
    return run


def scan_loop(steps):
    def run(state):
        step = lambda s, _: (relax(s), None)  # noqa: E731
        return lax.scan(step, state, length=steps)[0]
    return run


def fori_loop(steps):
    def run(state):
        return lax.fori_loop(0, steps, lambda i, s: relax(s), state)
    return run


LOOPS = {"Python for (unrolled)": python_loop,
         "lax.scan": scan_loop,
         "lax.fori_loop": fori_loop}
TRIP_COUNTS = [15, 30, 60, 120]
start = jnp.linspace(-1.0, 1.0, 64)
# [END loop_builders]

# [START count_equations]
def equation_count(fn):
    return len(jax.make_jaxpr(fn)(start).jaxpr.eqns)


equations = {name: [equation_count(build(n)) for n in TRIP_COUNTS]
             for name, build in LOOPS.items()}
equations_per_step = equations["Python for (unrolled)"][0] // TRIP_COUNTS[0]
fori_jaxpr = jax.make_jaxpr(fori_loop(TRIP_COUNTS[0]))(start)
fori_primitive = fori_jaxpr.jaxpr.eqns[0].primitive.name
equations, fori_primitive
# [END count_equations]

# [START count_instructions]
import re

# an instruction line of the compiled HLO: "name = shape op(operands)"
HLO_INSTRUCTION = re.compile(r"^\s*(?:ROOT )?%?[\w.\-]+ = ", re.M)


def compiled_instructions(fn):
    hlo = jax.jit(fn).lower(start).compile().as_text()
    return len(HLO_INSTRUCTION.findall(hlo))


def increments(counts):
    return [b - a for a, b in zip(counts, counts[1:], strict=False)]


instructions = {name: [compiled_instructions(build(n)) for n in TRIP_COUNTS]
                for name, build in LOOPS.items()}
print("instructions in the compiled HLO")
print(f"{'trip count':26}" + "".join(f"{n:>6}" for n in TRIP_COUNTS))
for name, counts in instructions.items():
    print(f"{name:26}" + "".join(f"{c:>6}" for c in counts))
# [END count_instructions]


# [START time_compilation]
import time


def compile_timed(fn):
    begin = time.perf_counter()
    compiled = jax.jit(fn).lower(start).compile()  # trace, lower, compile
    return compiled, time.perf_counter() - begin


timed = {name: [compile_timed(build(n)) for n in TRIP_COUNTS]
         for name, build in LOOPS.items()}
compiled = {name: [c for c, _ in runs] for name, runs in timed.items()}
compile_seconds = {name: [s for _, s in runs] for name, runs in timed.items()}
# [END time_compilation]

# [START plot_compile_time]
import matplotlib.pyplot as plt
import numpy as np

fig, ax = plt.subplots(figsize=(4.8, 3.6), facecolor="white")
for name, seconds in compile_seconds.items():
    ax.plot(TRIP_COUNTS, 1e3 * np.array(seconds), marker="o", label=name)
ax.set(xlabel="trip count", ylabel="trace + compile time (ms)", xticks=TRIP_COUNTS,
       title="Trace + compile time against trip count")
ax.legend()
plt.show()
# [END plot_compile_time]

# [START fit_slopes]
ms_per_step = {name: 1e3 * float(np.polyfit(TRIP_COUNTS, seconds, 1)[0])
               for name, seconds in compile_seconds.items()}
unrolled_vs_scan = (compile_seconds["Python for (unrolled)"][-1]
                    / compile_seconds["lax.scan"][-1])
for name, slope in ms_per_step.items():
    print(f"{name:22} fitted slope {slope:6.3f} ms per iteration")
print(f"at {TRIP_COUNTS[-1]} iterations, unrolled / scan compile time: {unrolled_vs_scan:.0f}")
# [END fit_slopes]
