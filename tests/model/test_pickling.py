"""Records cross process boundaries intact."""

from __future__ import annotations

import pickle
from pathlib import Path

from generator.loading.corpus import load_root

REPO = Path(__file__).resolve().parents[2]


def test_every_example_record_survives_pickling() -> None:
    """Parallel loading pickles records; a round trip must give equal records."""
    corpus = load_root(REPO, workers=1).corpus
    records = [*corpus.incidents, *corpus.postmortems, *corpus.rotations]
    assert records
    assert pickle.loads(pickle.dumps(records)) == records


def test_parallel_and_serial_loading_agree(tmp_path: Path) -> None:
    """Loading with worker processes gives the same records and problems as loading in one process."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import generate

    generate(tmp_path / "root", 450)
    serial = load_root(tmp_path / "root", workers=1)
    parallel = load_root(tmp_path / "root", workers=2)
    assert parallel.corpus.incidents == serial.corpus.incidents
    assert parallel.corpus.postmortems == serial.corpus.postmortems
    assert parallel.problems == serial.problems
