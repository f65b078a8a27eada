"""Strict JAX for every test: sloppy snippets fail loudly instead of broadcasting silently."""

import jax

jax.config.update("jax_platforms", "cpu")
jax.config.update("jax_numpy_rank_promotion", "raise")
