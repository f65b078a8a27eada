import dataclasses

import jax
import jax.numpy as jnp
import pytest

from snippets.control_flow import recompilation_diagnosis as rd


def misses(log):
    return [line for line in log if "CACHE MISS" in line]


def test_first_look_counts_and_explanations():
    assert rd.first_look_counts == {"traces": 2, "compiles": 2}
    found = misses(rd.first_look_log)
    assert len(found) == 2
    assert "never seen function" in found[0] and "rescale" in found[0]
    assert "at x, now f32[4] and before f32[3]" in found[1]
    assert sum(line.startswith("Finished XLA compilation of jit(rescale)")
               for line in rd.first_look_log) == 2


def test_logs_are_tidied_and_kept_off_stderr(capfd):
    with rd.jax_logs() as log:
        jax.jit(lambda x: x - 1.0)(jnp.ones(2))
    assert log and all(" sec" not in line or "… sec" in line for line in log)
    assert not any(".py:" in line for line in log)
    assert capfd.readouterr().err == ""
    assert not jax.config.jax_log_compiles and not jax.config.jax_explain_cache_misses


def test_weak_type_is_a_new_key():
    assert rd.weak_counts == {"traces": 1, "compiles": 1}
    assert any("at factor, now f32[]{weak_type=False} and before f32[]{weak_type=True}" in line
               for line in rd.weak_log)


def test_fresh_functions_retrace_and_rewrapping_does_not():
    assert rd.loop_counts["fresh lambda"] == {"traces": 3, "compiles": 3}
    assert rd.loop_counts["fresh partial"] == {"traces": 3, "compiles": 3}
    assert rd.loop_counts["jax.jit(rescale) again"] == {"traces": 1, "compiles": 1}
    assert "never seen function" in rd.fresh_log[0] and "<lambda>" in rd.fresh_log[0]
    assert rd.hoisted_counts == {"traces": 1, "compiles": 1}


def test_identity_hashed_static_argument_retraces_per_instance():
    assert rd.identity_counts == {"traces": 3, "compiles": 3}
    assert any("pytree node metadata does not match" in line for line in rd.identity_log)
    assert not any("0x" in line for line in rd.identity_log)
    assert rd.frozen_counts == {"traces": 1, "compiles": 1}


def test_unhashable_static_argument():
    with pytest.raises(ValueError, match="Non-hashable static arguments") as error:
        rd.unhashable_static()
    assert "TypeError: unhashable type: 'dict'" in str(error.value)
    assert error.value.__cause__ is None


def test_eq_without_hash_is_unhashable():
    @dataclasses.dataclass  # defines __eq__, so Python sets __hash__ to None
    class Mutable:
        width: int

    assert Mutable.__hash__ is None
    with pytest.raises(ValueError, match="Non-hashable static arguments"):
        rd.smooth_jit(rd.signal, config=Mutable(3))


def test_buckets_bound_the_programs():
    assert rd.exact_counts == {"traces": 10, "compiles": 10}
    assert sorted({rd.bucket(n) for n in rd.lengths}) == [4, 8, 16, 32, 64]
    assert rd.bucket_counts == {"traces": 5, "compiles": 5}
    assert rd.same
    for x, mean in zip(rd.batches, rd.bucketed, strict=True):
        assert float(mean) == pytest.approx(0.5, abs=1e-6)
        assert float(mean) == pytest.approx(float(jnp.mean(x)), abs=1e-6)


def test_exercise():
    assert rd.schedule_counts == {"traces": 2, "compiles": 2}
    assert any("at learning_rate, now f32[]{weak_type=False}" in line
               for line in rd.schedule_log)
    assert rd.fixed_counts == {"traces": 0, "compiles": 0}
