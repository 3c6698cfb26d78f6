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
from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path

import pyoxigraph as ox

from ontology import ONTOLOGY

from .errors import KgError
from .vocab import DERIVED_GRAPH, ONTOLOGY_GRAPH, PREFIXES

log = logging.getLogger(__name__)

STORE_DIR = "store"
BULK_QUADS = 200_000  # quads per bulk load: Oxigraph sorts each load in memory (~300 bytes a quad)
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


def store_from_rdf(folder: str | Path, data: bytes | str | Path, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> int:
    """Write a store holding the graph ``data`` (bytes, or a file path) into the new folder ``folder``, the
    ontology beside it; returns its number of data triples (for tests and benchmarks that start from RDF)."""
    store = ox.Store(str(folder))
    try:
        load_into(store, data, fmt)
    except (SyntaxError, ValueError) as e:
        raise KgError(f"cannot load the graph into a store: {str(e).splitlines()[0]}") from None
    n = count_data(store)
    del store  # closes the database
    return n


def write_store(folder: str | Path, triples: Iterable[ox.Triple], turtle_file: str | Path) -> int:
    """Write a store holding ``triples`` (the ontology beside them) into the new folder ``folder``, and its
    graph as Turtle to ``turtle_file``; returns the number of data triples.

    Streams: the triples go to disk as they come and the Turtle is written from the store, so memory does
    not grow with the graph. The store's order (by Oxigraph's term encoding) depends on the content only,
    so the same graph gives the same Turtle every run. Parsing the Turtle back is the check that it is whole.
    """
    from .store import batched  # (only a build writes; readers of the store need no SQLAlchemy)

    store = ox.Store(str(folder))
    quads = (ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    for chunk in batched(quads, BULK_QUADS):  # one bulk load of all would hold them all in memory at once
        store.bulk_extend(chunk)
    store.bulk_load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_NODE)
    prefixes = {k: v for k, v in PREFIXES.items() if k != "id"}  # (id:x/y would need an escaped slash)
    store.dump(str(turtle_file), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    n = count_data(store)
    del store  # closes the database before its folder is moved
    try:
        parsed = sum(1 for _ in ox.parse(path=str(turtle_file), format=ox.RdfFormat.TURTLE))
    except (SyntaxError, ValueError) as e:
        raise KgError(f"internal error: the serialised graph does not parse back: {str(e).splitlines()[0]}") from None
    if parsed != n:
        raise KgError(f"internal error: the serialised graph has {parsed} triples, the store {n}")
    return n


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
