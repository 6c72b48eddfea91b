"""Everything the internal records portal shows beyond the status site, computed once from the model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from generator.model.corpus import Corpus
from generator.model.schedule import final_duties_of
from generator.views.burden import Burden, burden_view
from generator.views.followups import Followups, followups_view
from generator.views.incidents import IncidentView
from generator.views.measures import Measured
from generator.views.metrics import Metrics, metrics_view
from generator.views.now import active_records
from generator.views.oncall import OnCall, oncall_view
from generator.views.records import RecordView, records_view


@dataclass(frozen=True, slots=True)
class Portal:
    """The portal's data: active records, full incident records, follow-ups, on-call, metrics and on-call burden."""

    active: tuple[RecordView, ...]
    records: dict[str, RecordView]
    followups: Followups
    oncall: OnCall
    metrics: Metrics
    burden: Burden


def portal_view(corpus: Corpus, now: datetime, incidents: Sequence[IncidentView] | None = None) -> Portal:
    """Compute the portal's views of ``corpus`` as of ``now``; ``incidents`` are the internal views of its incidents,
    in their order, when the site's views already computed them."""
    measured = Measured(corpus.site)  # the records and the metrics both read every incident's response measures
    records = records_view(corpus, now, incidents, measured)
    duties = final_duties_of(corpus.rotations)  # on-call and burden both read every rotation's final duties
    return Portal(
        active=active_records(records, corpus.site),
        records=records,
        followups=followups_view(corpus, now),
        oncall=oncall_view(corpus, now, duties),
        metrics=metrics_view(corpus, now, measured),
        burden=burden_view(corpus, now, duties),
    )
