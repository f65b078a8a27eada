"""docs/autodiff/cond.md: lax.cond traces both branches, even eagerly with a literal predicate."""

from snippets.autodiff import cond_traces_both_branches as m


def test_eager_cond_with_literal_true_traces_both_branches_once():
    # the second call (other predicate, same types) reuses the cached branch jaxprs
    assert m.traced_eagerly == ["double", "negate"]
    assert float(m.again) == -3.0


def test_disable_jit_calls_only_the_taken_branch():
    assert m.traced_without_jit == ["double"]
    assert float(m.result) == 2.0
