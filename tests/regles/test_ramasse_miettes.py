"""The collector paused during an audit comes back as it was, even on an error, and audits
running at once in several threads do not leave it off."""

import gc
import threading
from collections.abc import Iterator

import pytest

from regles.ramasse_miettes import sans_ramasse_miettes


@pytest.fixture(autouse=True)
def _retablir() -> Iterator[None]:
    avant = gc.isenabled()
    yield
    (gc.enable if avant else gc.disable)()


def test_pause_puis_retour() -> None:
    gc.enable()
    with sans_ramasse_miettes():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_retour_apres_une_erreur() -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), sans_ramasse_miettes():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_un_processus_qui_l_a_coupe_le_garde_coupe() -> None:
    gc.disable()
    with sans_ramasse_miettes():
        pass
    assert not gc.isenabled()


def test_audits_entrelaces() -> None:
    gc.enable()
    premier_dedans, second_fini = threading.Event(), threading.Event()
    vu: list[bool] = []

    def premier() -> None:
        with sans_ramasse_miettes():
            premier_dedans.set()
            second_fini.wait(5)
            vu.append(gc.isenabled())

    fil = threading.Thread(target=premier)
    fil.start()
    premier_dedans.wait(5)
    with sans_ramasse_miettes():
        pass
    # The second audit ended first: the first one still runs, the collector stays off.
    assert not gc.isenabled()
    second_fini.set()
    fil.join(5)
    assert vu == [False]
    assert gc.isenabled()
