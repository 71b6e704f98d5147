"""tools/benchmark_report.py prints every target of the benchmark beside its result, with the
target that holds at the run's N, and how the time grows beside the floor's. The figures are the
benchmark's; these tests give it made-up results and read what it says of them."""
from __future__ import annotations

import benchmark_report  # tests/conftest.py puts tools/ on the path
from benchmark_report import growth_rows, target_at, target_rows


def result(n: int, **figures) -> dict:
    measured = {"n": n, "build": 10.0, "floor": 10.0, "one_process": 11.0, "cpu": 12.0, "floor_cpu": 10.0,
                "one_process_cpu": 11.0, "validate_cold": 1.0, "validate_warm": 0.5,
                "edition": {"en": 50.0, "es": 50.0}, "pages": {"en": n, "es": n},
                "peak_mib": {"main": 900.0, "fork": 800.0, "pagefind": 300.0, "one_process": 1100.0}}
    return {**measured, **figures}


def row(rows: list[str], what: str) -> str:
    return next(line for line in rows if line.strip().startswith(what))


def test_each_process_s_peak_memory_has_the_target_of_its_n():
    assert target_at({10_000: 1024, 30_000: 3072}, 1_000) is None
    assert target_at({10_000: 1024, 30_000: 3072}, 10_000) == 1024
    assert target_at({10_000: 1024, 30_000: 3072}, 30_000) == 3072
    rows = target_rows(result(10_000))
    assert row(rows, "peak memory, main process").endswith(" met")
    assert row(rows, "peak memory, one process (both languages)").endswith("NOT MET")
    assert "(no target at this N)" in row(target_rows(result(1_000)), "peak memory, forked Spanish build")
    assert row(target_rows(result(30_000)), "peak memory, one process (both languages)").endswith(" met")


def test_the_cpu_and_the_one_process_build_are_held_to_the_floor():
    rows = target_rows(result(1_000))
    assert row(rows, "CPU of all processes, site / floor").split()[-1] == "met"  # 1.20 at most
    assert row(rows, "one process (BRIEFING_ONE_PROCESS=1) / floor").endswith(" met")
    rows = target_rows(result(1_000, cpu=12.5, one_process=12.5))
    assert row(rows, "CPU of all processes, site / floor").endswith("NOT MET")
    assert row(rows, "one process (BRIEFING_ONE_PROCESS=1) / floor").endswith("NOT MET")


def test_growth_is_met_within_five_percent_of_the_floor_s_in_wall_time_and_in_cpu():
    small = result(1_000)
    rows = growth_rows(small, result(10_000, build=104.0, floor=100.0, cpu=127.0, floor_cpu=100.0))
    assert row(rows, "t(10000) / t(1000) in wall").endswith(" met")  # 10.4 against 10.0: 4% more
    assert row(rows, "t(10000) / t(1000) in CPU").endswith("NOT MET")  # 10.6 against 10.0: 6% more
    assert benchmark_report.GROWTH_MARGIN == 1.05
