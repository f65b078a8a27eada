import pytest

from snippets.control_flow import cond_basics as cb


def test_each_branch_taken_by_predicate():
    (h, v), (h2, v2) = cb.bounced, cb.falling
    assert (float(h), float(v)) == pytest.approx((0.2, 2.4))
    assert (float(h2), float(v2)) == pytest.approx((1.0, -0.0981))


@pytest.mark.parametrize("call, message", [
    (cb.mismatched_structure, "same pytree structure"),
    (cb.mismatched_dtype, "dtypes do not match"),
    (cb.array_predicate, "Pred must be a scalar"),
])
def test_cond_rejects_with_type_error(call, message):
    with pytest.raises(TypeError, match=message):
        call()
