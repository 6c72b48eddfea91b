"""Share a list of jobs between worker processes and this one, so this process's own results are never sent."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def each(function: Callable[[Job], Result], chunk: Sequence[Job]) -> list[Result]:
    """Apply ``function`` to every job of one chunk."""
    return [function(job) for job in chunk]


def chunked(jobs: Sequence[Job], size: int) -> list[Sequence[Job]]:
    """Cut jobs into consecutive chunks of ``size`` (the last may be shorter)."""
    return [jobs[start:start + size] for start in range(0, len(jobs), size)]


def shared_map(function: Callable[[Job], Result], jobs: Sequence[Job], processes: int, size: int) -> list[Result]:
    """Apply ``function`` to every job, in order, on ``processes`` processes counting this one.

    The ``processes - 1`` workers take chunks of ``size`` jobs from the front; this process takes from the back every
    chunk no worker has started, until they meet. Only the workers' results are pickled and sent back.
    """
    chunks = chunked(jobs, size)
    with ProcessPoolExecutor(max_workers=processes - 1) as pool:
        futures = [pool.submit(each, function, chunk) for chunk in chunks]
        own = taken_from_back(function, chunks, futures)
        return [result for index, future in enumerate(futures) for result in (own[index] if index in own else future.result())]


def taken_from_back(function: Callable[[Job], Result], chunks: list[Sequence[Job]],
                    futures: list[Future]) -> dict[int, list[Result]]:
    """Run here, from the last chunk down, every chunk whose future could still be cancelled; return them by index."""
    own: dict[int, list[Result]] = {}
    for index in reversed(range(len(chunks))):
        if not futures[index].cancel():
            break
        own[index] = each(function, chunks[index])
    return own
