"""The cyclic garbage collector paused while an audit runs.

Why: an audit builds a few million small, long-lived containers (days, totals, schedule
lines, findings) that all stay alive until it returns. Every few hundred allocations the
collector walks them again and frees nothing — the engine makes no reference cycles (an
audit of the benchmark's 20,000 conventions leaves 0 unreachable objects to `gc.collect()`)
— which costs about a fifth of the audit's CPU. Reference counting still frees everything
that is dropped, so memory is unchanged; a cycle made meanwhile (none is known) would only
wait for the collector's next pass, after the audit.

The collector is process-wide: audits running at once in several threads share one count,
and the collector comes back on when the last one ends, and only if it was on before the
first one started (a process that turned it off keeps it off).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_verrou = threading.Lock()
_en_cours = 0
_etait_actif = False


@contextmanager
def sans_ramasse_miettes() -> Iterator[None]:
    global _en_cours, _etait_actif
    with _verrou:
        if _en_cours == 0:
            _etait_actif = gc.isenabled()
            gc.disable()
        _en_cours += 1
    try:
        yield
    finally:
        with _verrou:
            _en_cours -= 1
            if _en_cours == 0 and _etait_actif:
                gc.enable()
