"""The Python façade: one object for a built graph, in the style of kglab.

    >>> from kg import KnowledgeGraph
    >>> g = KnowledgeGraph.open("build/")
    >>> g.ask("participants", project="FREIA").records()
    >>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").table()

It holds the build's Oxigraph store open read-only and runs queries through the same checks as the CLI
(read-only, no SERVICE unless allowed, timeout, limit). By default a query runs in a thread of this
process (no overhead; after a timeout the abandoned evaluation goes on in the background until it
ends); ``isolated=True`` runs it in a child process that is killed at the timeout instead.
"""
from __future__ import annotations

from pathlib import Path

from . import query as q
from .bounded import run_in_process
from .questions import get_question, questions
from .triplestore import count_data, open_store, store_path


class KnowledgeGraph:
    """A built graph (a build folder made by `kg build`)."""

    def __init__(self, path: str | Path, *, timeout: float | None = q.DEFAULT_TIMEOUT, limit: int | None = None,
                 allow_service: set[str] | frozenset[str] = frozenset()):
        self.path = Path(path)
        self.store = open_store(self.path)
        self.timeout, self.limit, self.allow_service = timeout, limit, frozenset(allow_service)

    @classmethod
    def open(cls, path: str | Path = "build", **options) -> KnowledgeGraph:
        """Open a build folder (or a Turtle file); ``options``: timeout, limit, allow_service."""
        return cls(path, **options)

    @classmethod
    def build(cls, paths: list[str | Path], out: str | Path = "build", **build_options) -> KnowledgeGraph:
        """Build ``paths`` into ``out`` (as `kg build` does) and open the result."""
        from .build import build

        build(list(paths), out, **build_options)
        return cls(out)

    def __len__(self) -> int:
        """Number of triples in the built graph (without the ontology)."""
        return count_data(self.store)

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.path)!r})"

    def query(self, sparql: str, *, timeout: float | None = ..., limit: int | None = ..., isolated: bool = False,
              bindings: dict | None = None) -> q.QueryResult:
        """Run a SPARQL query (``bindings``: variable name -> pyoxigraph term, bound with VALUES)."""
        import pyoxigraph as ox

        timeout = self.timeout if timeout is ... else timeout
        limit = self.limit if limit is ... else limit
        subs = {ox.Variable(k) if isinstance(k, str) else k: v for k, v in (bindings or {}).items()}
        if not isolated:
            return q.execute(self.store, sparql, timeout=timeout, limit=limit, allow_service=self.allow_service,
                             substitutions=subs)
        pairs = [(k.value, str(v)) for k, v in subs.items()]
        args = (str(store_path(self.path)), sparql, limit, self.allow_service, pairs)
        return q.revive(run_in_process(q.execute_at, args, timeout))

    def ask(self, name: str, *, timeout: float | None = ..., limit: int | None = ..., isolated: bool = False,
            **params: str) -> q.QueryResult:
        """Ask a named question (`kg ask --list`, or :meth:`questions`) with its parameters."""
        question = get_question(name)
        subs = question.bind({k: str(v) for k, v in params.items()})
        return self.query(question.sparql, timeout=timeout, limit=limit, isolated=isolated, bindings=subs)

    @staticmethod
    def questions() -> dict[str, str]:
        """The named questions: name -> what it answers."""
        return {name: qu.description for name, qu in questions().items()}

    def export(self, fmt: str = "turtle", path: str | Path | None = None, with_ontology: bool = False) -> bytes:
        """The graph as Turtle, N-Triples (nt), JSON-LD (jsonld) or TriG; written to ``path`` if given."""
        from .atomic import write_bytes
        from .export import export_graph

        data = export_graph(self.path, fmt, with_ontology)
        if path is not None:
            write_bytes(path, data)
        return data

    def to_networkx(self):
        """Entities as nodes, stated relations as edges (see :func:`kg.network.to_networkx`)."""
        from .network import to_networkx

        return to_networkx(self.store)

    def stats(self, top: int = 10) -> dict:
        from .stats import graph_stats

        return graph_stats(self.path, top)

    def push(self, url: str, name: str | None = None) -> dict:
        """Load the graph into a SPARQL 1.1 Graph Store endpoint (see `kg push`)."""
        from .remote import push

        return push(url, self.path, name)
