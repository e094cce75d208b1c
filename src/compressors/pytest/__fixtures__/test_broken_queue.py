"""Tests of a small job queue; two fail after a refactor renamed `prio` to `priority`."""
import pytest


class Job:
    def __init__(self, job_id, priority):
        self.id = job_id
        self.priority = priority


def total_priority(jobs):
    """Sum of the jobs' priorities.

    Used by the scheduler to weigh queues against each other; an empty
    queue weighs nothing.
    """
    result = 0
    for job in jobs:
        result += job.prio
    return result


def highest(jobs):
    best = None
    for job in jobs:
        if best is None or job.priority > best.priority:
            best = job
    return best.id


@pytest.mark.parametrize("n", [1, 2, 3])
def test_total(n):
    jobs = [Job(i, i) for i in range(n)]
    assert total_priority(jobs) == sum(range(n))


def test_highest_empty():
    assert highest([]) is None


def test_highest():
    assert highest([Job(1, 2), Job(2, 5)]) == 2
