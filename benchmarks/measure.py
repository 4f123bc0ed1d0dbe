"""What every benchmark prints: ours and a baseline measured in one interleaved loop, then the
median, the spread (p10–p90), p95 and the ratio of the medians.

    ours, base = interleaved(run_ours, run_base, rounds)
    line("calendar week", ours, base, "raw sqlite3")
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def pct(samples: list[float], q: float) -> float:
    """The q-quantile (0 ≤ q ≤ 1) by nearest rank; 0 for no samples."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def interleaved(ours: Callable[[], object], base: Callable[[], object], rounds: int,
                warm: int = 2) -> tuple[list[float], list[float]]:
    """ms per call of each, alternating which runs first, so a busy moment hits both."""
    for _ in range(warm):
        ours()
        base()
    a, b = [], []
    for i in range(rounds):
        for fn, out in ((ours, a), (base, b)) if i % 2 == 0 else ((base, b), (ours, a)):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
    return a, b


def spread(samples: list[float]) -> str:
    return f"{pct(samples, .1):.2f}–{pct(samples, .9):.2f}"


def line(label: str, ours: list[float], base: list[float], base_label: str, unit: str = "ms",
         width: int = 44) -> str:
    """One printed row: ours p50 [p10–p90] p95, the baseline likewise, the ratio of medians."""
    o, b = statistics.median(ours), statistics.median(base)
    ratio = o / b if b else float("inf")
    text = (f"  {label:<{width}} {o:9.2f} {unit} [{spread(ours):>13}] p95 {pct(ours, .95):8.2f}   "
            f"baseline {base_label:<30} {b:9.2f} [{spread(base):>13}] p95 {pct(base, .95):8.2f}   x{ratio:5.2f}")
    print(text, flush=True)
    return text
