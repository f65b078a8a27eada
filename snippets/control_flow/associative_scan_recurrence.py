"""A linear recurrence as a sequential `lax.scan` and a parallel `lax.associative_scan`."""

# [START recurrence_scan]
import jax
import jax.numpy as jnp
from jax import lax


def step(h, ab):
    a_t, b_t = ab
    h = a_t * h + b_t  # h_t = a_t * h_{t-1} + b_t
    return h, h


@jax.jit
def recurrence_by_scan(a, b):
    _, hs = lax.scan(step, jnp.zeros((), a.dtype), (a, b))
    return hs


key_a, key_b = jax.random.split(jax.random.key(0))
a = jax.random.uniform(key_a, (4096,), minval=0.5, maxval=1.0)  # decay factors
b = jax.random.normal(key_b, (4096,))  # inputs
h_scan = recurrence_by_scan(a, b)
h_scan[:4]
# [END recurrence_scan]

# [START combine]
def combine(earlier, later):
    """Compose two steps h -> a1*h + b1, then h -> a2*h + b2, into one step."""
    a1, b1 = earlier
    a2, b2 = later
    return a2 * a1, a2 * b1 + b2


@jax.jit
def recurrence_by_associative_scan(a, b):
    _, hs = lax.associative_scan(combine, (a, b))
    return hs


h_parallel = recurrence_by_associative_scan(a, b)
difference = float(jnp.max(jnp.abs(h_parallel - h_scan)))
tolerance = float(16 * jnp.finfo(a.dtype).eps * jnp.max(jnp.abs(h_scan)))
print(f"largest difference {difference:.2e}, tolerance {tolerance:.2e}")
# [END combine]

# [START associative]
x, y, z = [(a[i : i + 3], b[i : i + 3]) for i in (0, 3, 6)]
left_first = combine(combine(x, y), z)
right_first = combine(x, combine(y, z))
regrouping_error = max(float(jnp.max(jnp.abs(p - q)))
                       for p, q in zip(left_first, right_first, strict=True))
regrouping_error
# [END associative]

# [START program_shape]
import math
import re

combine_calls = []  # the number of pairs in each call, recorded while tracing


def counted_combine(earlier, later):
    combine_calls.append(earlier[0].shape[0])
    return combine(earlier, later)


def program_shape(n):
    ones = jnp.ones(n)
    shape = {}
    for name, fn in [("scan", lambda a, b: lax.scan(step, 0.0, (a, b))[1]),
                     ("associative_scan",
                      lambda a, b: lax.associative_scan(counted_combine, (a, b))[1])]:
        combine_calls.clear()
        compiled = jax.jit(fn).lower(ones, ones).compile()
        hlo = compiled.as_text()
        trips = re.findall(r'"known_trip_count":\{"n":"(\d+)"', hlo)  # XLA's annotation
        shape[name] = {
            "while loops": hlo.count(" while("),
            # scan: one step per trip of its loop; the tree: one round per combine call
            # that has pairs to combine (at the bottom of its recursion one call has none)
            "steps in sequence": (int(trips[0]) if trips
                                  else len([pairs for pairs in combine_calls if pairs])),
            "pairs combined": int(trips[0]) if trips else sum(combine_calls),
            "HLO ops": hlo.count(" = "),
        }
    return shape


sizes = [8, 64, 512, 4096]
shapes = {n: program_shape(n) for n in sizes}
print(f"{'N':>5} {'':16} {'while':>5} {'in sequence':>11} {'pairs':>6} {'HLO ops':>7}")
for n in sizes:
    for name, s in shapes[n].items():
        print(f"{n:>5} {name:16} {s['while loops']:>5} {s['steps in sequence']:>11} "
              f"{s['pairs combined']:>6} {s['HLO ops']:>7}")
# [END program_shape]

# [START doubling]
def doubling_scan(combine, elems):
    """Each element combines with the one `shift` places back; `shift` doubles."""
    n, shift = elems[0].shape[0], 1
    while shift < n:
        earlier = tuple(e[:-shift] for e in elems)
        later = combine(earlier, tuple(e[shift:] for e in elems))
        elems = tuple(jnp.concatenate([e[:shift], x])
                      for e, x in zip(elems, later, strict=True))
        shift *= 2
    return elems


doubling = {}
for n in sizes:
    combine_calls.clear()
    jax.make_jaxpr(lambda a, b: doubling_scan(counted_combine, (a, b)))(
        jnp.ones(n), jnp.ones(n))
    doubling[n] = {"rounds": len(combine_calls), "pairs combined": sum(combine_calls)}
    tree = shapes[n]["associative_scan"]
    print(f"N={n:>4}  doubling: {doubling[n]['rounds']:>2} rounds, "
          f"{doubling[n]['pairs combined']:>5} pairs;  associative_scan: "
          f"{tree['steps in sequence']:>2} rounds, {tree['pairs combined']:>5} pairs")

h_doubling = jax.jit(lambda a, b: doubling_scan(combine, (a, b))[1])(a, b)
doubling_difference = float(jnp.max(jnp.abs(h_doubling - h_scan)))
print(f"largest difference from the scan: {doubling_difference:.2e}")
# [END doubling]

# [START flops]
def flops(fn, n, compiled=True):
    ones = jnp.ones(n)
    lowered = jax.jit(fn).lower(ones, ones)
    return (lowered.compile() if compiled else lowered).cost_analysis()["flops"]


scan_fn = jax.jit(lambda a, b: lax.scan(step, 0.0, (a, b))[1])
parallel_fn = jax.jit(lambda a, b: lax.associative_scan(combine, (a, b))[1])
one_step = jax.jit(step).lower(1.0, (1.0, 1.0)).compile().cost_analysis()["flops"]
idle_fn = jax.jit(lambda a, b: lax.scan(lambda h, ab: (h, h), 0.0, (a, b))[1])
loop_control = flops(idle_fn, 8)  # a scan whose step does no arithmetic
print("one step:", one_step, " loop control (counter, comparison):", loop_control)
costs = {n: {"scan (reported)": flops(scan_fn, n),
             "scan (step x N)": one_step * n,
             "assoc (lowered)": flops(parallel_fn, n, compiled=False),
             "assoc (compiled)": flops(parallel_fn, n)} for n in sizes}
print(f"{'N':>5}" + "".join(f"{name:>17}" for name in costs[sizes[0]]))
for n in sizes:
    print(f"{n:>5}" + "".join(f"{value:>17.0f}" for value in costs[n].values()))
# [END flops]

# [START cumulative_ops]
def cumulative_window_ops(fn, n):
    ones = jnp.ones(n)
    lowered = jax.jit(fn).lower(ones)
    compiled = lowered.compile()
    return {"lowered flops": lowered.cost_analysis()["flops"],
            "compiled flops": compiled.cost_analysis()["flops"],
            "lowered windows": re.findall(r"window_dimensions = array<i64: (\d+)>",
                                          lowered.as_text()),
            "compiled windows": re.findall(r"window=\{size=(\S+) ", compiled.as_text())}


cumsum_shapes = {n: cumulative_window_ops(jnp.cumsum, n) for n in sizes}
for n, s in cumsum_shapes.items():
    lowered, compiled = s["lowered windows"], s["compiled windows"]
    print(f"N={n:>4}  lowered: {s['lowered flops']:>8.0f} flops, window {lowered}")
    print(f"{'':8}compiled: {s['compiled flops']:>7.0f} flops, windows {compiled}")
# [END cumulative_ops]

# [START recurrence_by_cumulative_ops]
positive_b = jnp.abs(b) + 0.1  # log-space needs b_t > 0


@jax.jit
def recurrence_by_cumulative_ops(a, b):
    # h_t = A_t * sum_{s<=t} b_s / A_s with A_t = a_1 * ... * a_t, in log space
    log_A = jnp.cumsum(jnp.log(a))
    return jnp.exp(log_A + lax.cumlogsumexp(jnp.log(b) - log_A))


h_cumulative = recurrence_by_cumulative_ops(a, positive_b)
h_reference = recurrence_by_scan(a, positive_b)
relative_difference = float(jnp.max(jnp.abs(h_cumulative - h_reference) / h_reference))
h_tree = recurrence_by_associative_scan(a, positive_b)
parallel_relative_difference = float(jnp.max(jnp.abs(h_tree - h_reference)
                                             / h_reference))
largest_exponent = float(jnp.max(jnp.abs(jnp.cumsum(jnp.log(a)))))  # largest |log A_t|
# the two terms inside exp are as large as |log A_t| and cancel: their rounding,
# about eps * |log A_t|, becomes a relative error of h
relative_tolerance = float(4 * jnp.finfo(a.dtype).eps * largest_exponent)
print(f"largest |log A_t| {largest_exponent:.0f}")
print(f"cumsum + cumlogsumexp: largest relative difference {relative_difference:.2e}, "
      f"tolerance {relative_tolerance:.2e}")
print(f"associative_scan:      largest relative difference "
      f"{parallel_relative_difference:.2e}")
# [END recurrence_by_cumulative_ops]

# [START timing]
import time


def milliseconds(fn, *args):
    fn(*args).block_until_ready()  # compile first
    begin = time.perf_counter()
    for _ in range(20):
        fn(*args).block_until_ready()
    return (time.perf_counter() - begin) / 20 * 1e3


big_a = jax.random.uniform(key_a, (1 << 16,), minval=0.5, maxval=1.0)
big_b = jax.random.normal(key_b, (1 << 16,))
for name, fn in [("lax.scan", recurrence_by_scan),
                 ("lax.associative_scan", recurrence_by_associative_scan)]:
    print(f"{name:>20}: {milliseconds(fn, big_a, big_b):.2f} ms for N = {1 << 16}")
# [END timing]

# [START exercise_solution]
def moving_average_scan(xs, alpha):
    def update(y, x):
        y = alpha * y + (1 - alpha) * x
        return y, y
    return lax.scan(update, xs[0], xs[1:])[1]


def moving_average_parallel(xs, alpha):
    decay = jnp.full(xs.shape[0] - 1, alpha)
    inputs = (1 - alpha) * xs[1:]
    inputs = inputs.at[0].add(alpha * xs[0])  # fold the starting value into b_1
    return lax.associative_scan(combine, (decay, inputs))[1]


prices = jnp.cumsum(jax.random.normal(key_a, (1001,)))
ema_scan = moving_average_scan(prices, 0.9)
ema_parallel = moving_average_parallel(prices, 0.9)
combine_calls.clear()
jax.make_jaxpr(lambda a, b: lax.associative_scan(counted_combine, (a, b)))(
    jnp.ones(1000), jnp.ones(1000))
rounds = len(combine_calls)
print("largest difference:", float(jnp.max(jnp.abs(ema_scan - ema_parallel))))
print("rounds for 1000 steps:", rounds)
print("2 floor(log2 1000) =", 2 * math.floor(math.log2(1000)))
# [END exercise_solution]
