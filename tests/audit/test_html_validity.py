"""The Nu HTML checker (vnu-jar, the W3C validator's engine) on every page of the built site."""

import json
import subprocess

from tests.audit.conftest import program, tool


def test_every_page_is_valid_html(site, pages):
    """0 errors on every page (warnings are advice, not errors, and are not asserted)."""
    run = subprocess.run(
        [program("java"), "-jar", str(tool("vnu-jar/build/dist/vnu.jar")), "--errors-only",
         "--format", "json", "--exit-zero-always", *(str(site / p) for p in pages)],
        capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    messages = json.loads(run.stderr)["messages"]  # the checker writes its JSON to stderr
    errors = [f"{m['url'].rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)
