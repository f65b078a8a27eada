import jax
import jax.numpy as jnp
import numpy as np
import pytest

from snippets.control_flow import control_flow_errors as cfe

EXPECTED = {
    "scan_carry_grows": (TypeError, "scan body function carry input and carry output"),
    "int_carry_becomes_float": (TypeError, "while_loop body function carry input"),
    "cond_dtypes": (TypeError, "cond branches must have equal output types"),
    "cond_shapes": (TypeError, "cond branches must have equal output types"),
    "tracer_bool": (jax.errors.TracerBoolConversionError, "Attempted boolean conversion"),
    "concretization": (jax.errors.ConcretizationTypeError, "Abstract tracer value"),
    "tracer_integer": (jax.errors.TracerIntegerConversionError, "__index__"),
    "tracer_array": (jax.errors.TracerArrayConversionError, "__array__"),
    "traced_slice": (IndexError, "Slice entries must be static integers"),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_case_raises_its_class(name):
    error, text = EXPECTED[name]
    with pytest.raises(error, match=text.replace("(", r"\(")) as info:
        getattr(cfe, name)()
    assert type(info.value) is error  # exactly this class, not a subclass


def test_the_table_rows_come_from_the_runs():
    rows = cfe.run_catalogue(cfe.CATALOGUE)
    assert [r.error for r in rows] == [cls.__name__ for cls, _ in EXPECTED.values()]
    assert all(r.fix_ran for r in rows)
    details = dict(zip(EXPECTED, (r.detail for r in rows), strict=True))
    assert "so the shapes do not match" in details["scan_carry_grows"]
    assert "int32[] but the corresponding output carry component has type float32[]" in (
        details["int_carry_becomes_float"])
    assert "so the dtypes do not match" in details["cond_dtypes"]
    assert details["concretization"] == "It arose in the jnp.arange argument 'stop'"


def test_the_rows_headlines_are_the_messages_first_lines():
    rows = cfe.run_catalogue(cfe.CATALOGUE)
    for (_, text), row in zip(EXPECTED.values(), rows, strict=True):
        assert text in row.headline and "\n" not in row.headline


def test_tracer_errors_are_concretization_errors():
    for cls in (jax.errors.TracerBoolConversionError,):
        assert issubclass(cls, jax.errors.ConcretizationTypeError)
    assert not issubclass(jax.errors.TracerIntegerConversionError,
                          jax.errors.ConcretizationTypeError)
    assert not issubclass(jax.errors.TracerArrayConversionError,
                          jax.errors.ConcretizationTypeError)


def test_the_fixes_compute_the_right_values():
    xs = jnp.array([3.0, 1.0, 4.0, 1.0, 5.0])
    assert np.array_equal(cfe.running_max_history_fixed(xs), [3.0, 3.0, 4.0, 4.0, 5.0])
    balance = cfe.grow_balance_fixed(jnp.int32(100_00))
    assert balance.dtype == jnp.int32 and int(balance) == 20790
    assert float(cfe.safe_sqrt_fixed(jnp.float32(4.0))) == 2.0
    assert float(cfe.safe_sqrt_fixed(jnp.float32(-4.0))) == 0.0
    assert cfe.maybe_drop_first_fixed(True, xs[:3]).tolist() == [False, True, True]
    assert float(cfe.relu_fixed(jnp.float32(-2.0))) == 0.0
    assert int(cfe.triangle_number_fixed(n=4)) == 10
    assert float(cfe.tax_fixed(1000.0, 2)) == pytest.approx(200.0)
    assert np.allclose(cfe.squash_fixed(jnp.array([0.5, 2.0])), 2 * np.tanh([0.5, 2.0]))
    assert float(cfe.sum_first_fixed(jnp.array([1.0, 2.0, 3.0, 4.0]), 2)) == 3.0


def test_a_weak_int_carry_is_silently_promoted_to_float():
    assert cfe.promoted.dtype == jnp.float32
    assert float(cfe.promoted) == pytest.approx(100_00 * 1.05**15, rel=1e-5)


def test_exercise():
    with pytest.raises(jax.errors.TracerBoolConversionError):
        cfe.exercise_fails()
    assert float(jax.jit(cfe.clipped_steps_fixed)(jnp.float32(8.0), jnp.float32(3.0))) == 2.0
    assert float(jax.jit(cfe.clipped_steps_fixed)(jnp.float32(1.0), jnp.float32(3.0))) == 1.0


def test_exercise_solution_reports_the_error_it_caught():
    assert cfe.exercise_error == "TracerBoolConversionError"


def test_table_is_valid_html_styled_by_the_site():
    page = cfe.render_catalogue(cfe.rows).data
    assert "<style" not in page
    assert page.count('<th scope="col">') == 5
    assert page.count('<th scope="row">') == len(cfe.rows)
