"""Problems keep every field when placed or stamped."""

from generator.problems import Level, Problem, warning


def test_located_changes_only_the_position():
    """Placing a problem keeps its file, field, key flag, code, level and message."""
    found = Problem("incidents/a.md", "odd", ("updates", 1), True, code="I309", level=Level.WARNING)
    assert found.located(7, 3) == Problem("incidents/a.md", "odd", ("updates", 1), True, 7, 3, "I309", Level.WARNING)


def test_stamped_changes_only_the_code_and_level():
    """Stamping a problem keeps its file, field, key flag, position and message."""
    found = warning("incidents/a.md", "", "odd", ("title",), at_key=True, line=4, column=2)
    assert found.stamped("B701", Level.ERROR) == Problem("incidents/a.md", "odd", ("title",), True, 4, 2, "B701", Level.ERROR)


def test_a_pickled_problem_comes_back_equal():
    """A problem sent between processes keeps every field."""
    import pickle

    found = Problem("incidents/a.md", "odd", ("updates", 1, "at"), True, 7, 3, "I309", Level.WARNING)
    back = pickle.loads(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == found and back.level is Level.WARNING
