"""Run time per step of the same three loops once they are compiled."""

# The page defines these in earlier cells; the import lets this module run alone.
from snippets.reference.loop_compile_cost import TRIP_COUNTS, compiled, start

# [START time_per_step]
import timeit


def microseconds_per_step(program, steps, calls=20):
    program(start).block_until_ready()  # warm up outside the timing
    call = lambda: program(start).block_until_ready()  # noqa: E731
    best = min(timeit.repeat(call, number=calls, repeat=5))
    return 1e6 * best / calls / steps


step_us = {name: [microseconds_per_step(program, n)
                  for program, n in zip(programs, TRIP_COUNTS, strict=True)]
           for name, programs in compiled.items()}
print(f"{'µs per step, trip count':26}" + "".join(f"{n:>7}" for n in TRIP_COUNTS))
for name, micros in step_us.items():
    print(f"{name:26}" + "".join(f"{us:>7.3f}" for us in micros))
# [END time_per_step]

# [START plot_time_per_step]
import matplotlib.pyplot as plt
from matplotlib.ticker import LogLocator, NullFormatter, ScalarFormatter

# scan and fori_loop compile to the same program and overlap: each line has its own marker
# and dash, and scan's (drawn first) is the wider, so both stay visible.
styles = [dict(marker="o", linestyle="-", linewidth=2, markersize=6),
          dict(marker="s", linestyle="-", linewidth=4, markersize=10, alpha=0.6),
          dict(marker="^", linestyle="--", linewidth=2, markersize=5)]
fig, ax = plt.subplots(figsize=(4.8, 3.6), facecolor="white")
for (name, micros), style in zip(step_us.items(), styles, strict=True):
    ax.plot(TRIP_COUNTS, micros, label=name, **style)
ax.set(xlabel="trip count", ylabel="run time per step (µs)", xticks=TRIP_COUNTS,
       yscale="log", title="Run time per step after compilation")
# plain numbers on the log axis (0.5, not 5×10⁻¹), at 1, 2 and 5 of each decade
ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
ax.yaxis.set_major_formatter(ScalarFormatter())
ax.yaxis.set_minor_formatter(NullFormatter())
ax.legend()
plt.show()
# [END plot_time_per_step]

# [START same_answer]
import numpy as np

results = {name: np.asarray(programs[-1](start))
           for name, programs in compiled.items()}
reference = results["lax.scan"]
largest_gap = max(float(np.max(np.abs(r - reference))) for r in results.values())
largest_gap
# [END same_answer]
