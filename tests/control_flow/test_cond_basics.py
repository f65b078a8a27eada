import pytest

from snippets.control_flow import cond_basics as cb


def test_each_branch_taken_by_predicate():
    (h, v), (h2, v2) = cb.bounced, cb.falling
    assert (float(h), float(v)) == pytest.approx((0.2, 2.4))
    assert (float(h2), float(v2)) == pytest.approx((1.0, -0.0981))


# Functions named, not referenced: collecting the tests must not run the page's computation.
@pytest.mark.parametrize("call, message", [
    ("mismatched_structure", "same pytree structure"),
    ("mismatched_dtype", "dtypes do not match"),
    ("array_predicate", "Pred must be a scalar"),
])
def test_cond_rejects_with_type_error(call, message):
    with pytest.raises(TypeError, match=message):
        getattr(cb, call)()
