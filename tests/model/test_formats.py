"""The format table says which edits records of an older format need."""

from __future__ import annotations

from generator.model.formats import FORMAT_CHANGES, FORMAT_VERSION, FormatChange, pending_edits

FAKE = (
    FormatChange(1, "first"),
    FormatChange(2, "renamed a key", ("rename 'url' to 'public_url' in statusbook.yml",)),
    FormatChange(3, "added an optional key"),
    FormatChange(4, "split a field", ("split 'name' into 'title' and 'summary'", "drop 'group'")),
)


def test_the_table_ends_at_the_format_this_statusbook_reads() -> None:
    """The last entry is FORMAT_VERSION, and versions count up from 1 without gaps."""
    assert [c.version for c in FORMAT_CHANGES] == list(range(1, FORMAT_VERSION + 1))


def test_older_records_need_every_newer_edit_in_order() -> None:
    """Records of format 1 read by format 4 need the edits of formats 2 and 4, oldest first."""
    assert pending_edits(1, 4, FAKE) == [
        (2, "rename 'url' to 'public_url' in statusbook.yml"),
        (4, "split 'name' into 'title' and 'summary'"),
        (4, "drop 'group'"),
    ]


def test_a_change_without_edits_needs_nothing() -> None:
    """Records of format 2 read by format 3 stay valid as they are."""
    assert pending_edits(2, 3, FAKE) == []


def test_current_and_newer_records_need_no_edits() -> None:
    """Records of the installed format, or a newer one, get no edits."""
    assert pending_edits(4, 4, FAKE) == [] and pending_edits(5, 4, FAKE) == []
