"""Side effects and hidden inputs inside transformed functions: printing, randomness, leaks."""

# [START print_inside]
import jax
import numpy as np


traces = []  # one entry each time Python runs the body


def noisy_square(x):
    print("inside noisy_square, x is", x)
    traces.append(x.shape)
    return x * x


slope = jax.grad(noisy_square)(3.0)
nine = jax.jit(noisy_square)(3.0)
sixteen = jax.jit(noisy_square)(4.0)  # same shape and dtype: no retrace
# [END print_inside]

traces_on_page = len(traces)  # later calls (the tests) add more

# [START random_inside_jit]
rng = np.random.default_rng(0)


def jittered(x):
    return x + rng.normal()  # a hidden input JAX cannot see


eager = [float(jittered(1.0)) for _ in range(3)]
compiled = jax.jit(jittered)
frozen = [float(compiled(1.0)) for _ in range(3)]
print("eager:", eager)
print("jit:  ", frozen)
# [END random_inside_jit]

# [START leaked_tracer]
leaked = []


def remember(x):
    leaked.append(x)
    return x * x


jax.grad(remember)(2.0)
print("stored:", leaked)
try:
    leaked[0] + 1.0
except jax.errors.UnexpectedTracerError as err:
    print(f"{type(err).__name__}: {str(err).splitlines()[0][:60]}...")
# [END leaked_tracer]


def use_leaked_tracer():
    return leaked[0] + 1.0
