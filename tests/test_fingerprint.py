"""The code digest: Statusbook's own code, templates and assets, and nothing else."""

from __future__ import annotations

from importlib import metadata

from generator import fingerprint
from generator.fingerprint import SHAPING_DISTRIBUTIONS, code_digest, versions, walk


def test_the_code_walk_takes_templates_and_code_and_skips_caches(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.md.j2").write_text("{{ x }}")
    (tmp_path / "module.py").write_text("x = 1")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "notes.txt").write_text("not code")
    assert walk(tmp_path) == [("module.py", b"x = 1"), ("templates/page.md.j2", b"{{ x }}")]


def test_the_digest_is_computed_once_per_process():
    assert code_digest() is code_digest()
    assert len(code_digest()) == 16


def test_the_versions_name_python_and_every_shaping_library():
    found = versions()
    assert found[0].startswith("python ")
    assert [entry.split(" ")[0] for entry in found[1:]] == list(SHAPING_DISTRIBUTIONS)
    assert all(len(entry.split(" ")) >= 2 for entry in found)


def test_another_library_version_changes_the_digest(monkeypatch):
    before = code_digest()
    code_digest.cache_clear()
    real = metadata.version
    monkeypatch.setattr(fingerprint.metadata, "version", lambda name: "0.0-another" if name == "jinja2" else real(name))
    try:
        assert code_digest() != before
    finally:
        code_digest.cache_clear()
