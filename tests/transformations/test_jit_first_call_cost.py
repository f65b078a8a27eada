import numpy as np

from snippets.transformations import jit_first_call_cost as mod


def test_standardized_columns_have_zero_mean_unit_variance():
    out = np.asarray(mod.fast_standardize(mod.table))
    assert out.shape == (300, 40)
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-5)
    np.testing.assert_allclose(out.std(axis=0), 1.0, atol=1e-4)


def test_staged_compile_matches_jit_call():
    np.testing.assert_allclose(mod.stage_compiled(mod.table), mod.fast_standardize(mod.table),
                               rtol=1e-6)


def test_only_the_first_call_traces_and_compiles():
    assert mod.work_per_call[0] == (1, 1)
    assert mod.work_per_call[1:] == [(0, 0)] * 25
