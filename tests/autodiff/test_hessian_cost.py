"""docs/autodiff/autodiff_api.md: the FLOPs of the Hessian's four orders and of an HVP."""

from snippets.autodiff import hessian_cost as m


def test_all_orders_agree():
    assert m.orders_agree
    assert m.hvp_agrees


def test_hessian_is_forward_over_reverse_and_no_order_is_cheaper():
    assert m.flops["jax.hessian"] == m.flops["jacfwd(jacrev)"]
    assert all(m.flops["jacfwd(jacrev)"] <= m.flops[k]
               for k in ("jacrev(jacrev)", "jacfwd(jacfwd)", "jacrev(jacfwd)"))
    assert m.flops["jacfwd(jacfwd)"] > m.flops["jacfwd(jacrev)"]


def test_one_hvp_is_far_cheaper_and_close_to_a_gradient():
    assert m.flops["one HVP"] * 10 < m.flops["jax.hessian"]
    assert m.flops["one HVP"] < 2 * m.flops["grad"]


def test_exercise_diagonal_costs_as_much_as_the_hessian():
    assert m.diag_flops > 0.9 * m.flops["jax.hessian"]
