"""Helpers for tests that kill `kg`: its child processes, seen through /proc (Linux)."""
import os
import time
from pathlib import Path

PROC = Path("/proc")


def _stat(pid: int) -> list[str] | None:
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2:].split()  # fields after "pid (comm) "


def children(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``."""
    out = []
    for d in PROC.iterdir():
        if d.name.isdigit():
            st = _stat(int(d.name))
            if st and st[1] == str(pid) and st[0] != "Z":
                out.append(int(d.name))
    return out


def alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting to be reaped)."""
    st = _stat(pid)
    return st is not None and st[0] not in ("Z", "X")


def wait_for(pred, timeout: float, step: float = 0.1):
    """``pred()``'s first true value within ``timeout`` seconds, else its last value."""
    end = time.monotonic() + timeout
    while True:
        v = pred()
        if v or time.monotonic() > end:
            return v
        time.sleep(step)


def report_text(paragraphs: int) -> str:
    """A long report of our own sentences (names vary so extraction has work to do)."""
    places = ("Umeå", "Skellefteå", "Lycksele", "Vilhelmina", "Storuman", "Malå", "Sorsele", "Dorotea")
    paras = [f"Region Västerbotten leder projektet Nod {i} tillsammans med {places[i % 8]} kommun och "
             f"Företag {i} AB. Projektet finansieras av Europeiska regionala utvecklingsfonden och "
             f"bidrar till den regionala utvecklingsstrategin för {places[(i + 3) % 8]}."
             for i in range(paragraphs)]
    return "Årsrapport 2025\n\n" + "\n\n".join(paras) + "\n"


assert os.name == "posix"
