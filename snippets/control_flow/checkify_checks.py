"""Runtime checks inside jit with jax.experimental.checkify: NaNs, indices and your own asserts."""

# [START silent_by_default]
import jax
import jax.numpy as jnp
from jax.experimental import checkify


def log_mean(x):
    return jnp.log(x).mean()


def pick(x, i):
    return x[i]


silent = (jax.jit(log_mean)(jnp.array([1.0, -1.0])), jax.jit(pick)(jnp.arange(3.0), 5))
silent
# [END silent_by_default]

# [START nan_check]
checked_log_mean = jax.jit(checkify.checkify(log_mean, errors=checkify.nan_checks))
nan_error, value = checked_log_mean(jnp.array([1.0, -1.0]))
nan_error.get()
# [END nan_check]

nan_message = nan_error.get()
clean_error, clean_value = checked_log_mean(jnp.array([1.0, 2.0]))

# [START index_check]
checked_pick = jax.jit(checkify.checkify(pick, errors=checkify.index_checks))
index_error, picked = checked_pick(jnp.arange(3.0), 5)
index_error.get()
# [END index_check]


def raise_index_error():
    # [START throw]
    index_error.throw()
    # [END throw]


# [START user_check]
def concentration(moles, litres):
    checkify.check(jnp.all(litres > 0), "volume must be positive, got {v}", v=litres.min())
    return moles / litres


checked = jax.jit(checkify.checkify(concentration))
volume_error, _ = checked(jnp.array([1.0, 2.0]), jnp.array([0.5, -2.0]))
volume_error.get()
# [END user_check]

user_message = volume_error.get()

# [START exercise_solution]
def normalise(weights):
    total = weights.sum()
    checkify.check(total != 0, "weights sum to zero")
    return weights / total


def normalise_unchecked(weights):
    return weights / weights.sum()


checked_normalise = jax.jit(checkify.checkify(normalise, errors=checkify.all_checks))
unchecked = jax.jit(checkify.checkify(normalise_unchecked, errors=checkify.all_checks))
zero_sum = jnp.array([1.0, -1.0])
messages = (checked_normalise(zero_sum)[0].get(), unchecked(zero_sum)[0].get())
messages
# [END exercise_solution]

builtin_message = unchecked(zero_sum)[0].get()

exercise_message = checked_normalise(jnp.array([1.0, -1.0]))[0].get()
exercise_ok = checked_normalise(jnp.array([1.0, 3.0]))
