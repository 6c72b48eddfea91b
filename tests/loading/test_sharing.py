"""Jobs shared between worker processes and this one come back complete and in order."""

from __future__ import annotations

import os
import time
from concurrent.futures import Future

from generator.loading.sharing import chunked, shared_map, taken_from_back


def doubled(number: int) -> tuple[int, int]:
    """Double a number and say which process did it."""
    return number * 2, os.getpid()


def test_shared_map_keeps_every_result_in_order() -> None:
    """Whichever process runs a chunk, the results line up with the jobs."""
    results = shared_map(doubled, list(range(103)), processes=2, size=4)
    assert [value for value, _ in results] == [number * 2 for number in range(103)]


def slow_first(number: int) -> tuple[int, int]:
    """Double a number, taking long over the first, and say which process did it."""
    if number == 0:
        time.sleep(0.5)
    return doubled(number)


def test_this_process_takes_chunks_from_the_back() -> None:
    """While the lone worker is busy with the first chunk, this process runs the last ones itself."""
    results = shared_map(slow_first, list(range(10)), processes=2, size=1)
    assert [value for value, _ in results] == [number * 2 for number in range(10)]
    assert results[0][1] != os.getpid()
    assert results[-1][1] == os.getpid()


def test_chunked_keeps_order_and_remainder() -> None:
    """Chunks are consecutive and the last holds what is left."""
    assert chunked([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]


def started() -> Future:
    """A future a worker has already started, so it cannot be cancelled."""
    future: Future = Future()
    future.set_running_or_notify_cancel()
    return future


def test_taken_from_back_stops_at_the_first_started_chunk() -> None:
    """Chunks from the back run here until one a worker started; earlier ones are left to the workers."""
    futures = [Future(), started(), Future(), Future()]
    own = taken_from_back(lambda n: -n, [[1], [2], [3], [4]], futures)
    assert own == {3: [-4], 2: [-3]}
    assert not futures[0].cancelled()
