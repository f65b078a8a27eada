"""The environment cell names the running JAX and device."""

import importlib
import platform

import jax
import jaxlib

from snippets.reference import build_environment as m


def test_the_first_device_is_the_cpu():
    assert m.device.platform == "cpu"
    assert m.device == jax.devices()[0]


def test_printed_lines_name_the_running_versions(capfd):
    importlib.reload(m)
    out = capfd.readouterr().out
    assert f"JAX {jax.__version__}, jaxlib {jaxlib.__version__}" in out
    assert f"Python {platform.python_version()}" in out
    assert f"{jax.device_count()} device(s), first: cpu (cpu)" in out
