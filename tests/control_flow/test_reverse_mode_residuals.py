from snippets.control_flow import reverse_mode_residuals as rmr


def test_additions_store_nothing():
    assert rmr.additions_saved == []


def test_sin_squared_stores_sin_and_cos():
    kinds = [line.split(" from ")[0] for line in rmr.wave_saved]
    assert kinds == ["f32[5] output of sin", "f32[5] output of cos"]
