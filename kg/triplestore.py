"""The build's persistent Oxigraph store: written once by `kg build`, opened read-only by every reader.

Layout of a store (a RocksDB folder ``store/`` beside graph.ttl, written into the build's new version
folder with the other outputs, see kg/buildfolder.py): the built graph in the default graph,
the ontology (ontology/kg.ttl) in the named graph ``ONTOLOGY_GRAPH``, and what `kg analyze` derived
(if it ran) in the named graph ``DERIVED_GRAPH``. Queries see all three (see
:data:`WITH_ONTOLOGY`); stats, network and exports read the default graph only. Readers go through
:func:`open_store`, which never parses Turtle for a build folder: a folder without a store is an error
that says how to get one.
"""
from __future__ import annotations

import logging
from contextlib import nullcontext
from pathlib import Path

import pyoxigraph as ox

from ontology import ONTOLOGY

from .errors import KgError
from .vocab import DERIVED_GRAPH, ONTOLOGY_GRAPH, PREFIXES

log = logging.getLogger(__name__)

STORE_DIR = "store"
GRAPH_FILE = "graph.ttl"
ONTOLOGY_NODE = ox.NamedNode(ONTOLOGY_GRAPH)
DERIVED_NODE = ox.NamedNode(DERIVED_GRAPH)
WITH_ONTOLOGY = [ox.DefaultGraph(), ONTOLOGY_NODE, DERIVED_NODE]  # what users' queries see as their default graph


def load_into(store: ox.Store, data: bytes | str | Path, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> None:
    """Bulk-load the graph ``data`` (bytes, or a file path) into the default graph, the ontology beside it."""
    if isinstance(data, bytes):
        store.bulk_load(data, format=fmt)
    else:
        store.bulk_load(path=str(data), format=fmt)
    store.bulk_load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_NODE)


def write_store(folder: str | Path, data: bytes | str | Path, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> int:
    """Write a store holding ``data`` into the new folder ``folder``; returns its number of data triples."""
    store = ox.Store(str(folder))
    try:
        load_into(store, data, fmt)  # (bulk loading writes the database's files directly: no optimize() needed)
    except (SyntaxError, ValueError) as e:
        raise KgError(f"internal error: the serialised graph does not parse back: {str(e).splitlines()[0]}") from None
    n = count_data(store)
    del store  # closes the database before its folder is moved
    return n


def sorted_triples(triples) -> list[ox.Triple]:
    """Oxigraph triples in N-Triples order, so that the Turtle of a build is the same every run."""
    return sorted(triples, key=str)


def turtle(triples: list[ox.Triple]) -> bytes:
    """Turtle of ``triples`` with the project's prefixes, written by Oxigraph.

    (Not ``id:``: entity IRIs have a slash after it, which Turtle would have to escape: id:organisation\\/x.)
    """
    prefixes = {k: v for k, v in PREFIXES.items() if k != "id"}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""


def store_path(graph_dir: str | Path) -> Path:
    """The store folder of a build folder (or the store folder itself)."""
    p = Path(graph_dir)
    if (p / STORE_DIR).is_dir():
        return p / STORE_DIR
    if (p / "CURRENT").is_file():  # a RocksDB folder given directly
        return p
    if p.is_dir() and (p / GRAPH_FILE).is_file():
        raise KgError(f"{graph_dir} has no store/ (built by an older kg): run `kg build ... --out {graph_dir}` again")
    raise KgError(f"no built graph at {graph_dir}: run `kg build ... --out {graph_dir}` first")


def open_store(source: str | Path) -> ox.Store:
    """The one way readers get the graph: a build folder's store, opened read-only.

    A Turtle file (``--graph file.ttl``) is loaded into a memory store with the ontology beside it, as in
    a built store.
    """
    p = Path(source)
    if p.is_file():
        store = ox.Store()
        try:
            load_into(store, p, ox.RdfFormat.from_extension(p.suffix.lstrip(".")) or ox.RdfFormat.TURTLE)
        except (SyntaxError, ValueError, OSError) as e:
            raise KgError(f"cannot load graph from {source}: {str(e).splitlines()[0]}") from None
        return store
    path = store_path(p)
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise KgError(f"cannot open the store {path}: {str(e).splitlines()[0]}; rebuild with `kg build`") from None


def replace_derived(graph_dir: str | Path, turtle: bytes) -> None:
    """Put `kg analyze`'s values into the build's store as the named graph DERIVED_GRAPH (replacing earlier ones).

    Holds the build folder's lock, so it never writes while a build is switching versions.
    """
    from .buildfolder import locked

    path = store_path(graph_dir).resolve()
    with locked(Path(graph_dir)) if Path(graph_dir, ".lock").exists() else nullcontext():
        store = ox.Store(str(path))
        if store.contains_named_graph(DERIVED_NODE):
            store.remove_graph(DERIVED_NODE)
        store.load(turtle, format=ox.RdfFormat.TURTLE, to_graph=DERIVED_NODE)
        store.flush()
        del store  # closes the database


def data_quads(store: ox.Store):
    """The built graph's triples (the default graph), as quads."""
    return store.quads_for_pattern(None, None, None, ox.DefaultGraph())


def count_data(store: ox.Store) -> int:
    """Number of triples of the built graph, counted without turning them into Python objects."""
    others = (ONTOLOGY_NODE, DERIVED_NODE)  # the ontology and what `kg analyze` added
    return len(store) - sum(1 for g in others for _ in store.quads_for_pattern(None, None, None, g))


def ontology_quads(store: ox.Store):
    return store.quads_for_pattern(None, None, None, ONTOLOGY_NODE)
