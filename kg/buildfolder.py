"""A build folder that changes in one step, and only one build at a time.

Layout of ``out/``::

    .lock                     held (flock) by the build writing to the folder
    .versions/<token>/        one complete build: graph.ttl, kg.sqlite, manifest.json, ...
    current -> .versions/<token>
    graph.ttl -> current/graph.ttl   (and one such link per output)

A build writes its outputs into a fresh version directory and then replaces the
``current`` link with one ``rename``: a reader, or a build killed at any point,
sees either the old version or the new one, never a mix. The top-level links
never change (they always point through ``current``), so ``out/graph.ttl`` is a
stable path for other tools. Versions that are not current (the replaced one,
or one left by a killed build) are removed by the next build holding the lock.
"""
from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import KgError

log = logging.getLogger(__name__)

LOCK_FILE = ".lock"
VERSIONS_DIR = ".versions"
CURRENT_LINK = "current"


@contextmanager
def locked(out: Path):
    """Hold ``out``'s build lock; a second build on the same folder is refused in one line.

    The folder is created if missing, and removed again on failure if it was
    created here and nothing was published in it.
    """
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise KgError(f"another kg build is writing to {out}; wait for it to finish or use another --out") from None
            raise
        remove_stale(out)
        yield
    except BaseException:
        if created and not (out / CURRENT_LINK).is_symlink():
            shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        os.close(fd)  # closing the descriptor releases the lock; a killed process releases it too


@contextmanager
def new_version(out: Path):
    """A fresh, empty version directory for the outputs of one build; removed if the build fails before publishing."""
    version = out / VERSIONS_DIR / uuid.uuid4().hex
    version.mkdir(parents=True)
    try:
        yield version
    except BaseException:
        if current_version(out) != version:
            shutil.rmtree(version, ignore_errors=True)
            with suppress(OSError):
                version.parent.rmdir()  # only if no other version is there
        raise


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Every file and directory of ``root`` on disk, so the switch never publishes a torn version."""
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(dirpath, name), "rb+") as f:
                os.fsync(f.fileno())
        _fsync_dir(Path(dirpath))


def _replace_link(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` in one rename (a symlink made beside it, then renamed over it)."""
    tmp = link.with_name(f".{link.name}.{uuid.uuid4().hex}.tmp")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(out: Path, version: Path, outputs: list[str]) -> None:
    """Make ``version`` the current build of ``out`` in one step; then drop every other version.

    ``outputs`` are the top-level names to expose (links through ``current``);
    a link to an output this build did not write is removed.
    """
    _fsync_tree(version)
    present = [name for name in outputs if (version / name).exists()]
    for name in present:  # before the switch, so the new version is whole the moment it is current
        link, target = out / name, f"{CURRENT_LINK}/{name}"
        if not (link.is_symlink() and os.readlink(link) == target):
            _replace_link(link, target)
    _replace_link(out / CURRENT_LINK, f"{VERSIONS_DIR}/{version.name}")  # the one step
    for name in set(outputs) - set(present):
        link = out / name
        if link.is_symlink() or link.is_file():
            link.unlink()
    _fsync_dir(out)
    remove_stale(out)


def current_version(out: Path) -> Path | None:
    link = out / CURRENT_LINK
    return out / os.readlink(link) if link.is_symlink() else None


def remove_stale(out: Path) -> None:
    """Remove versions that are not current and temporary files left by killed builds."""
    current = current_version(out)
    versions = out / VERSIONS_DIR
    stale = [v for v in versions.iterdir() if current is None or v.name != current.name] if versions.is_dir() else []
    stale += out.glob(".*.tmp")  # links and files of an interrupted switch, or of older kg versions
    stale += out.glob(".*.tmp-journal")
    for path in stale:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
