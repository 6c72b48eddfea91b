"""The metrics page and its SVG charts: figures in tables, charts that parse, describe themselves and escape names."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.clock import parse_now
from generator.loading.corpus import load_root
from generator.render import urls
from generator.render.metric_charts import share_text
from generator.render.metrics import metrics_files
from generator.render.pages import PageRenderer
from generator.views.audience import Audience
from generator.views.metrics import Share, metrics_view
from generator.views.page import site_view
from tests.checks.factories import at, corpus, incident, severity, site

REPO = Path(__file__).parents[2]
NOW = "2026-11-23T18:00:00Z"
SVG = "{http://www.w3.org/2000/svg}"
CHARTS = ("incidents", "time-to-resolve", "within-target")
HOSTILE = '<script>alert("x")</script> & co'


def render(records, now) -> dict[str, bytes]:
    """Render the metrics files of a corpus at ``now``, keyed by path."""
    view = site_view(records, Audience.INTERNAL, now)
    return {f.path: f.content for f in metrics_files(view, PageRenderer(view), metrics_view(records, now))}


@pytest.fixture(scope="module")
def example() -> dict[str, bytes]:
    """The example portal's metrics files at NOW."""
    return render(load_root(REPO).corpus, parse_now(NOW))


@pytest.fixture(scope="module")
def page(example) -> str:
    """The example portal's metrics page."""
    return example[urls.METRICS].decode("utf-8")


def row(page: str, caption: str, label: str) -> list[str]:
    """Return the cells of the row headed ``label`` in the table with ``caption``."""
    table = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    cells = re.search(rf'<th scope="row">{re.escape(label)}</th>(.*?)</tr>', table).group(1)
    # A share keeps its percentage on one line with a no-break space: "2 of 3 (67\u00a0%)".
    return [re.sub(r"<[^>]+>", "", cell).replace("\u00a0", " ") for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells)]


def texts(svg: ET.Element) -> list[str]:
    """Return the text of every text element of a chart."""
    return [t.text for t in svg.iter(f"{SVG}text")]


def test_the_page_and_one_file_per_chart(example):
    assert list(example) == [urls.METRICS] + [urls.metrics_chart(name) for name in CHARTS]


def test_the_page_embeds_each_chart_with_a_text_alternative(page):
    for name in CHARTS:
        tag = re.search(rf'<img class="sb-chart" src="\.\./metrics/{name}\.svg" alt="([^"]+)">', page)
        assert tag and "2026-06 to 2026-11" in tag.group(1)
    assert page.count("<figcaption>") == 3


def test_the_tables_give_the_figures_of_the_example(page):
    assert page.startswith('---\ntitle: "Metrics"\ntoc: ')
    assert '<p class="sb-asof">Figures as of the build, <time datetime="2026-11-23T18:00:00Z"' in page
    durations = "All months: response times, median / 90th percentile"
    targets = "All months: targets, updates and follow-up"
    # SEV1: resolved in 1 h 32 min, 1 h 44 min and 8 h 27 min.
    assert row(page, durations, "SEV1 (Critical)") == [
        "3", "2 min / 3 min", "3 min / 3 min", "51 min / 2 h 34 min", "1 h 44 min / 8 h 27 min"
    ]
    assert row(page, durations, "All severities")[0] == "20"
    assert row(page, targets, "SEV1 (Critical)") == [
        "3 of 3 (100 %)", "2 of 3 (67 %)", "0", "3 of 3 (100 %)", "9 of 9 (100 %)"
    ]
    assert row(page, targets, "SEV3 (Minor)") == ["6 of 7 (86 %)", "6 of 6 (100 %)", "1", "—", "—"]
    # The webhook postmortem (2026-08) has one open action item that was due 2026-09-10.
    assert row(page, targets, "All severities")[4] == "21 of 22 (95 %)"
    assert row(page, "2026-08: targets, updates and follow-up", "All severities")[4] == "3 of 4 (75 %)"
    # Of November's three SEV3s the CI one is still open: only the two night incidents (resolved 1 h 50 min and
    # 1 h 47 min after detection) have a time to resolve.
    assert row(page, "2026-11: response times, median / 90th percentile", "SEV3 (Minor)")[4] == "1 h 48 min / 1 h 50 min"


def test_months_are_listed_newest_first_with_headed_tables(page):
    months = re.findall(r'<h3 id="\d{4}-\d{2}">(\d{4}-\d{2})</h3>', page)
    assert months == ["2026-11", "2026-10", "2026-09", "2026-08", "2026-07", "2026-06"]
    assert page.count('<th scope="col">Severity</th>') == 2 * (len(months) + 1)
    assert '<h2 id="how-these-are-measured">How these are measured</h2>' in page


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_is_an_accessible_svg_that_scales(example, name):
    svg = ET.fromstring(example[urls.metrics_chart(name)])
    assert svg.tag == f"{SVG}svg"
    assert (svg.get("role"), svg.get("width"), svg.get("aria-labelledby")) == ("img", "100%", "chart-title chart-desc")
    assert re.fullmatch(r"0 0 360 \d+(\.\d)?", svg.get("viewBox"))
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert (title.get("id"), desc.get("id")) == ("chart-title", "chart-desc")
    assert title.text and desc.text.endswith(".")
    assert title.text in texts(svg)  # the title is also shown


def test_the_incidents_chart_describes_each_month_and_names_its_colours(example):
    svg = ET.fromstring(example[urls.metrics_chart("incidents")])
    assert "2026-11: 10 (SEV1 (Critical) 1, SEV2 (Major) 4, SEV3 (Minor) 3, SEV4 (Low) 2)" in svg.find(f"{SVG}desc").text
    shown = texts(svg)
    legend = ["SEV1 (Critical)", "SEV2 (Major)", "SEV3 (Minor)", "SEV4 (Low)"]
    assert [t for t in shown if t.startswith("SEV")] == legend
    months = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    assert [t for t in shown if t in months] == months


def test_the_resolve_chart_draws_each_severitys_target(example):
    svg = ET.fromstring(example[urls.metrics_chart("time-to-resolve")])
    targets = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(targets) == 4
    assert "SEV1 (Critical), target 4 h" in texts(svg)
    assert "SEV1 (Critical) (target 4 h): 2026-06 none resolved, 2026-07 1 h 44 min" in svg.find(f"{SVG}desc").text


def test_the_targets_chart_gives_each_months_shares(example):
    svg = ET.fromstring(example[urls.metrics_chart("within-target")])
    assert "2026-09: response 1 of 2 (50 %), resolve 1 of 2 (50 %)" in svg.find(f"{SVG}desc").text
    assert "50 % (1/2)" in texts(svg)


def test_rendering_is_deterministic(example):
    assert render(load_root(REPO).corpus, parse_now(NOW)) == example


def hostile_corpus():
    """Records whose severity has a name that is markup."""
    records = [
        incident("2026-06-01-a", severity="SEV1", detected=at("2026-06-01T10:05Z")),
        incident("2026-06-02-b", severity="SEV2", detected=at("2026-06-02T10:05Z")),
    ]
    severities = (severity("SEV1", name=HOSTILE), severity("SEV2"))
    return corpus(site=site(severities=severities), incidents=records)


def test_a_hostile_severity_name_is_escaped_in_the_page_and_charts():
    files = render(hostile_corpus(), at("2026-06-10T00:00Z"))
    for path, content in files.items():
        assert b"<script" not in content, path
    page = files[urls.METRICS].decode("utf-8")
    assert "SEV1 (&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co)" in page
    incidents = ET.fromstring(files[urls.metrics_chart("incidents")])
    assert f"SEV1 ({HOSTILE})" in texts(incidents)
    assert f"SEV1 ({HOSTILE}) 1" in incidents.find(f"{SVG}desc").text


def test_without_incidents_the_page_says_so_and_draws_no_chart():
    files = render(corpus(), at("2026-06-10T00:00Z"))
    assert list(files) == [urls.METRICS]
    assert "No incidents have been recorded yet." in files[urls.METRICS].decode("utf-8")


def test_month_labels_do_not_crowd_when_there_are_many_months():
    records = [incident("2024-06-01-a", started=at("2024-06-01T10:00Z"), resolved=at("2024-06-01T11:00Z"))]
    files = render(corpus(incidents=records), at("2026-05-15T00:00Z"))  # 24 months
    svg = ET.fromstring(files[urls.metrics_chart("incidents")])
    shown = [(t.text, float(t.get("x"))) for t in svg.iter(f"{SVG}text") if t.get("y") == axis_y(svg)]
    assert [name for name, _ in shown] == ["Jun", "Sep", "Dec", "Mar", "Jun", "Sep", "Dec", "Mar"]
    assert all(b - a >= 30 for (_, a), (_, b) in zip(shown, shown[1:]))
    years = [t.text for t in svg.iter(f"{SVG}text") if t.text in ("2024", "2025", "2026")]
    assert years == ["2024", "2025", "2026"]  # under Jun 2024, Mar 2025 and Mar 2026


def axis_y(svg: ET.Element) -> str:
    """Return the y of the month labels: that of the label of the first month."""
    return next(t.get("y") for t in svg.iter(f"{SVG}text") if t.text == "Jun")


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (Share(3, 4), "3 of 4 (75 %)"),
        (Share(2, 3), "2 of 3 (67 %)"),
        (Share(1, 8), "1 of 8 (13 %)"),  # halves round up
        (Share(0, 0), "—"),
    ],
)
def test_share_text(share, text):
    assert share_text(share) == text


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_carries_its_own_white_background_so_it_reads_in_either_scheme(example, name):
    # An <img> does not see the page's colours: on the dark scheme a chart must not show dark text on a dark page.
    svg = ET.fromstring(example[urls.metrics_chart(name)])
    background = svg[2]
    _, _, width, height = svg.get("viewBox").split()
    assert background.tag == f"{SVG}rect" and "x" not in background.attrib and "y" not in background.attrib
    assert (background.get("width"), background.get("height"), background.get("fill")) == (width, height, "#fff")
