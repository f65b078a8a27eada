from snippets.control_flow import branches_evaluated as be


def test_cond_and_switch_run_one_branch():
    assert be.branches_run["lax.cond"] == ["square"]
    assert be.branches_run["lax.switch"] == ["square"]


def test_selection_functions_run_every_branch():
    assert be.branches_run["jnp.where"] == ["flip", "square"]
    assert be.branches_run["lax.select"] == ["flip", "square"]
    assert be.branches_run["jnp.select"] == ["flip", "halve", "square"]
    assert be.branches_run["jnp.piecewise"] == ["flip", "halve", "square"]


def test_vmapped_cond_runs_both():
    assert be.branches_run["vmap of lax.cond"] == ["flip", "square"]
