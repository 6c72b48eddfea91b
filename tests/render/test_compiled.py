"""Compiled templates kept in the account's cache folder: reused by an environment of the same settings only."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from generator.render import compiled
from generator.render.compiled import compiled_templates

TEMPLATES = {"page.j2": "Hello {{ name }}"}


def environment(settings: bytes) -> Environment:
    """An environment of one template, compiling through the account's cache for ``settings``."""
    return Environment(loader=DictLoader(TEMPLATES), bytecode_cache=compiled_templates("test-templates", settings))


def test_a_template_compiled_once_is_loaded_by_the_next_environment_of_the_same_settings(monkeypatch):
    assert environment(b"one").get_template("page.j2").render(name="a") == "Hello a"
    monkeypatch.setattr(Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert environment(b"one").get_template("page.j2").render(name="b") == "Hello b"


def test_other_settings_compile_their_own(monkeypatch):
    environment(b"one").get_template("page.j2")
    compiled_count = []
    real = Environment.compile
    monkeypatch.setattr(Environment, "compile", lambda self, *a, **k: compiled_count.append(1) or real(self, *a, **k))
    assert environment(b"two").get_template("page.j2").render(name="c") == "Hello c"
    assert compiled_count


def test_a_cache_that_cannot_be_written_or_read_never_fails_a_render(monkeypatch):
    def refused(*arguments, **keywords):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(compiled.FileSystemBytecodeCache, "dump_bytecode", refused)
    monkeypatch.setattr(compiled.FileSystemBytecodeCache, "load_bytecode", refused)
    assert environment(b"full disk").get_template("page.j2").render(name="d") == "Hello d"
