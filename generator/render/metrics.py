"""The metrics page: response figures per month and per severity, as tables and as SVG charts."""

from __future__ import annotations

from generator.render import urls
from generator.render.metric_charts import Chart, metric_charts, share_text
from generator.render.output import OutputFile
from generator.render.pages import PageRenderer
from generator.views.measures import MEASURE_LABELS, MEASURES
from generator.views.metrics import Metrics
from generator.views.page import SiteView

TITLE = "Metrics"


def metrics_files(view: SiteView, pages: PageRenderer, data: Metrics) -> list[OutputFile]:
    """Render the metrics page and its charts."""
    charts = metric_charts(data)
    page = pages.page(
        "internal/metrics.md.j2",
        urls.METRICS,
        TITLE,
        data=data,
        charts=[chart_link(c) for c in charts],
        measures=[(name, MEASURE_LABELS[name]) for name in MEASURES],
        share=share_text,
    )
    return [page] + [OutputFile(urls.metrics_chart(c.name), c.content) for c in charts]


def chart_link(chart: Chart) -> dict[str, str]:
    """Return what the page needs to show a chart: where it is and its text alternative."""
    return {"path": urls.metrics_chart(chart.name), "alt": chart.alt}
