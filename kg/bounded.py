"""Run work that cannot be cancelled from inside (a pyoxigraph query) with a time limit.

pyoxigraph releases the GIL while it evaluates, but offers no way to stop a query. Two runners:

* :func:`run_in_thread`: the work runs in a (reused) daemon thread; the caller waits interruptibly
  (Ctrl-C works) and gets :class:`QueryTimeout` when time is up. The abandoned evaluation goes on
  until it ends by itself, so this suits a process that ends after the error (the CLI) or a caller
  who accepts that (the Python façade's default).
* :func:`run_in_process`: the work runs in a child process that is killed when time is up, so nothing
  keeps running or holding memory (`kg serve`, the façade with ``isolated=True``). The child is forked
  from a small fork server, not from the (threaded) caller.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
from typing import Any, Callable

from .errors import KgError


class QueryTimeout(KgError):
    """The query did not finish within its time limit."""


def timeout_message(timeout: float) -> str:
    return f"query timed out after {timeout:g} s (raise --timeout, or add a LIMIT or more specific patterns)"


class _Worker(threading.Thread):
    """A daemon thread that runs one piece of work at a time; idle ones wait in ``_IDLE`` for the next.

    Reusing threads keeps a query's overhead to one hand-over (starting a thread per query cost more than
    a small query itself). A worker whose work timed out is simply not reused until it finishes.
    """

    def __init__(self) -> None:
        super().__init__(name="kg-query", daemon=True)
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.start()

    def run(self) -> None:
        while True:
            work, box, done = self.jobs.get()
            try:
                box["value"] = work()
            except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = e
            _IDLE.put(self)
            done.set()


_IDLE: queue.SimpleQueue = queue.SimpleQueue()


def run_in_thread(work: Callable[[], Any], timeout: float | None) -> Any:
    """``work()``, or :class:`QueryTimeout` after ``timeout`` seconds (None: no limit)."""
    try:
        worker = _IDLE.get_nowait()
    except queue.Empty:
        worker = _Worker()
    box: dict[str, Any] = {}
    done = threading.Event()
    worker.jobs.put((work, box, done))
    if not done.wait(timeout):  # a wait on a lock: the main thread still receives Ctrl-C
        raise QueryTimeout(timeout_message(timeout))
    if "error" in box:
        raise box["error"]
    return box["value"]


_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        _CTX = multiprocessing.get_context("forkserver")
        _CTX.set_forkserver_preload(["pyoxigraph", "kg.query"])
    return _CTX


def _child(conn, work: Callable, args: tuple) -> None:
    try:
        conn.send(("ok", work(*args)))
    except KgError as e:
        conn.send(("kgerror", (type(e).__name__, str(e.message))))
    except BaseException as e:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("error", f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"))
    finally:
        conn.close()


def run_in_process(work: Callable, args: tuple, timeout: float | None) -> Any:
    """``work(*args)`` in a child process (``work`` must be a module-level function), killed after ``timeout``."""
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, work, args), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise QueryTimeout(timeout_message(timeout))
        try:
            status, value = parent.recv()
        except EOFError:
            raise KgError("the query process ended without an answer (out of memory?)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if status == "ok":
        return value
    if status == "kgerror":
        from . import sparql_guard

        cls = {"QueryRefused": sparql_guard.QueryRefused, "QueryTimeout": QueryTimeout}.get(value[0], KgError)
        raise cls(value[1])
    raise KgError(f"query failed: {value}")
