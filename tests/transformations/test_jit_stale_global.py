import numpy as np

from snippets.transformations import jit_stale_global as mod


def test_changed_global_is_ignored_until_a_retrace():
    assert float(mod.first) == 10.0
    assert float(mod.same_type_again) == 10.0  # rate 0.5 set, but the cached trace has 0.25
    np.testing.assert_array_equal(mod.new_shape, [12.0, 12.0])  # the retrace reads 0.5


def test_rate_as_argument_follows_the_value():
    assert float(mod.with_tax_rate(8.0, 0.25)) == 10.0
    assert float(mod.with_tax_rate(8.0, 0.5)) == 12.0
