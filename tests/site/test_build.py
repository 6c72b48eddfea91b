"""statusbook build end to end: what lands in the site, determinism, and a refused build that changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.hostile.tree import changes, snapshot
from tests.site.conftest import NOW, REPO, build_site, copy_portal, site_files

OPEN_ID = "2026-11-23-api-increased-latency"


def text(site_dir: Path, path: str) -> str:
    """Read one built file as text."""
    return (site_dir / path).read_text(encoding="utf-8")


def visible_text(html: str) -> str:
    """Strip tags and collapse white space, to assert on what a reader sees."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_status_page_shows_indicator_components_active_incident_and_maintenance(public_site):
    page = visible_text(text(public_site, "index.html"))
    assert "Minor Service Outage" in page
    assert "Increased latency on the Public API and webhooks" in page
    assert "Next update by 2026-11-23 18:30 UTC" in page
    assert "Upcoming maintenance" in page and "Planned maintenance: Public API database upgrade" in page
    assert "Public API Monitoring a fix: Increased latency on the Public API and webhooks ↻ Recovering" in page
    assert "Website ✓ Operational" in page
    assert "Public API 99.95 % uptime" in page
    assert "CI runners" not in page and "Data warehouse" not in page


def test_every_public_record_has_a_page_and_internal_ones_do_not(public_site):
    pages = {p.parent.name for p in (public_site / "incidents").glob("*/index.html")}
    assert OPEN_ID in pages and "2026-12-02-api-database-upgrade" in pages
    assert "2026-06-22-ci-runner-disk-full" not in pages
    assert "2026-11-23-staging-api-timeouts" not in pages, "a public staging incident stays off the status page"
    assert len(pages) == 14


def test_incident_page_lists_updates_newest_first_with_utc_times(public_site):
    page = visible_text(text(public_site, f"incidents/{OPEN_ID}/index.html"))
    order = [page.index(s) for s in ("Monitoring · 2026-11-23 17:35 UTC", "Identified · 2026-11-23 15:52 UTC",
                                     "Investigating · 2026-11-23 15:08 UTC")]
    assert order == sorted(order)
    assert "SEV" not in page and "Severity" not in page
    assert "Impact Minor" in page and "Public API (degraded performance)" in page
    assert "farah" not in page and "Internal notes" not in page


def test_history_lists_the_latest_months_in_full_and_links_to_earlier_ones(public_site):
    history = visible_text(text(public_site, "history/index.html"))
    assert "December 2026" in history and "October 2026" in history and "records" not in history
    assert ("Increased latency on the Public API and webhooks Minor impact · 2026-11-23 14:48 UTC · 3 h 12 min so far"
            " · Monitoring") in history
    assert "Everything from November 2026 (4)" in history and "Everything from October 2026 (2)" in history
    assert "Earlier months 2026 September (2) · August (1) · July (3) · June (1)" in history
    assert "Everything from September 2026" not in history and "Elevated error rates on the Public API" not in history
    assert 'href="../history/2026-11/"' in text(public_site, "history/index.html")
    assert 'href="../history/2026-06/"' in text(public_site, "history/index.html")
    month = text(public_site, "history/2026-11/index.html")
    assert f"../../incidents/{OPEN_ID}/" in month
    june = visible_text(text(public_site, "history/2026-06/index.html"))
    assert "Elevated error rates on the Public API" in june


def test_status_pages_carry_no_navigation_tree_or_table_of_contents(public_site):
    for page in ("index.html", "history/index.html", "components/api/index.html", f"incidents/{OPEN_ID}/index.html",
                 "subscribe/index.html"):
        html = text(public_site, page)
        assert "md-sidebar" not in html and "md-nav--primary" not in html, page
        assert "Made with" not in html and "Subscribe</a>" in html, page


def test_component_page_has_status_uptime_and_its_incidents(public_site):
    page = visible_text(text(public_site, "components/payments/index.html"))
    assert "Status now: ✕" not in page and "Operational" in page
    assert "Payments 99.87 % uptime" in page
    assert "Payments are failing at checkout" in page or "checkout" in page.lower()


def test_every_page_announces_the_feeds(public_site):
    for page in public_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html, page
    component = text(public_site, "components/api/index.html")
    assert component.count('rel="alternate"') == 2 and 'href="../../feeds/components/api.rss"' in component


def test_home_page_title_is_the_site_name_and_other_pages_name_themselves(public_site):
    assert "<title>Acme Cloud Status</title>" in text(public_site, "index.html")
    assert "<title>Incident history - Acme Cloud Status</title>" in text(public_site, "history/index.html")


def test_subscribe_page_lists_the_feeds_of_the_site_and_each_component_and_the_api(public_site):
    page = text(public_site, "subscribe/index.html")
    for href in ("../history.rss", "../history.atom", "../feeds/components/api.rss", "../feeds/components/search.atom",
                 "../api/v2/summary.json"):
        assert f'href="{href}"' in page, href


def test_subscribe_page_links_the_maintenance_calendars_that_the_site_holds(public_site):
    page = text(public_site, "subscribe/index.html")
    hrefs = ["../maintenance.ics", "../feeds/components/api.ics", "../feeds/components/search.ics"]
    for href in hrefs:
        assert f'href="{href}"' in page, href
        assert (public_site / "subscribe" / href).resolve().is_file(), href
    assert 'id="webhooks"' in page and "X-Statusbook-Signature" in page
    assert 'id="email"' not in page


def test_subscribe_page_offers_the_mailing_list_only_when_one_is_configured(tmp_path):
    root = copy_portal(tmp_path / "portal")
    config = root / "statusbook.yml"
    signup = "https://lists.acme.example/status/join"
    config.write_text(config.read_text(encoding="utf-8") + f"notify:\n  signup_url: {signup}\n", encoding="utf-8")
    assert build_site(root, tmp_path / "site").built
    page = text(tmp_path / "site", "subscribe/index.html")
    assert 'id="email"' in page and f'href="{signup}"' in page


def test_same_records_and_now_give_a_byte_identical_site(tmp_path, public_site):
    again = tmp_path / "again"
    assert build_site(REPO, again).built
    first, second = site_files(public_site), site_files(again)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []


def test_invalid_records_leave_the_existing_site_untouched(tmp_path):
    root = copy_portal(tmp_path / "portal")
    site_dir = tmp_path / "site"
    assert build_site(root, site_dir).built
    before, cache = site_files(site_dir), (tmp_path / ".statusbook-cache" / "site.json").read_bytes()
    record = root / "incidents/2026" / f"{OPEN_ID}.md"
    record.write_text(record.read_text(encoding="utf-8").replace("severity: SEV2", "severity: SEV9"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(site_dir), "--now", NOW])
    assert result.exit_code == 1
    assert "SEV9" in result.output and "left unchanged" in result.output
    assert site_files(site_dir) == before
    assert (tmp_path / ".statusbook-cache" / "site.json").read_bytes() == cache
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".statusbook-cache"]


def test_a_failing_mkdocs_build_leaves_the_existing_site_untouched(tmp_path, monkeypatch):
    root = copy_portal(tmp_path / "portal")
    site_dir = tmp_path / "site"
    assert build_site(root, site_dir).built
    before = site_files(site_dir)

    def broken(*arguments):
        from generator.publish.mkdocs_site import PublishError

        raise PublishError("MkDocs could not build the site: simulated")

    monkeypatch.setattr("generator.publish.mkdocs_site.run_mkdocs", broken)
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(site_dir), "--now", NOW])
    assert result.exit_code == 1 and "simulated" in result.output
    assert site_files(site_dir) == before


UNCONFIGURED = {
    "public": ("url: https://status.acme.example/\n", "url", "public status site"),
    "internal": ("internal_url: https://records.acme.example/\n", "internal_url", "internal records portal"),
}


def without_key(root: Path, line: str) -> Path:
    """Remove one line from the portal's statusbook.yml."""
    config = root / "statusbook.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(line, ""), encoding="utf-8")
    return root


@pytest.mark.parametrize("audience", sorted(UNCONFIGURED))
def test_a_site_without_its_address_is_a_validate_warning_and_a_usage_error_of_build(tmp_path, audience):
    """validate warns at statusbook.yml:1:1; build says the same words, exits 2 and writes nothing."""
    line, key, what = UNCONFIGURED[audience]
    root = without_key(copy_portal(tmp_path / "portal"), line)
    runner = CliRunner()
    checked = runner.invoke(cli, ["validate", "--root", str(root), "--now", NOW])
    message = (f"statusbook.yml has no '{key}': the {what} cannot be built without it, since its feeds, badges and API "
               f"need its absolute address; add '{key}: https://...' with the address it is published at")
    assert checked.exit_code == 0 and f"statusbook.yml:1:1: warning [R109] {message}" in checked.output
    before = snapshot(tmp_path)
    args = ["build", "--root", str(root), "--audience", audience, "--site-dir", str(tmp_path / "s"), "--now", NOW]
    built = runner.invoke(cli, args)
    assert built.exit_code == 2 and f"Error: {message}" in built.output
    assert changes(before, snapshot(tmp_path)) == []


def test_serve_without_the_site_address_is_a_usage_error(tmp_path):
    """serve refuses a site without its address before serving anything, with exit 2."""
    root = without_key(copy_portal(tmp_path / "portal"), UNCONFIGURED["public"][0])
    result = CliRunner().invoke(cli, ["serve", "--root", str(root), "--now", NOW, "--dev-addr", "127.0.0.1:1"])
    assert result.exit_code == 2 and "statusbook.yml has no 'url'" in result.output


def test_internal_audience_shows_internal_records_and_components(internal_site):
    page = visible_text(text(internal_site, "index.html"))
    assert "CI runners" in page and "Data warehouse" in page
    assert (internal_site / "incidents/2026-06-22-ci-runner-disk-full/index.html").is_file()
