"""The SPARQL commands of `kg`: query, ask, serve, push (registered on the group in kg/cli.py)."""
from __future__ import annotations

from pathlib import Path

import click


GRAPH_OPTION = click.option("--graph", "-g", "graph_dir", default="build", show_default=True,
                            type=click.Path(path_type=Path), help="Build folder made by `kg build` (or a .ttl file).")


def safety_options(limit_default: int):
    """--timeout, --limit and --allow-service, shared by query, ask and serve."""
    def wrap(f):
        f = click.option("--allow-service", "allow_service", multiple=True, metavar="HOST",
                         help="Let SERVICE clauses call this host (repeatable). By default no query may "
                              "reach the network.")(f)
        f = click.option("--limit", default=limit_default, show_default=True, type=click.IntRange(min=0),
                         help="Keep at most this many results (0: all).")(f)
        f = click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0),
                         help="Stop a query after this many seconds (0: never).")(f)
        return f
    return wrap


def endpoint_options(f):
    f = click.option("--named-graph", "named_graphs", multiple=True, metavar="IRI",
                     help="With --endpoint: the named graph(s) to query (default: the one `kg push` gives "
                          "the --graph folder, and the ontology's).")(f)
    f = click.option("--endpoint", default=None, metavar="URL",
                     help="Ask a SPARQL 1.1 Protocol endpoint (e.g. the store `kg push` filled) instead of "
                          "the local build.")(f)
    return f


def run_sparql(sparql: str, substitutions: dict | None, graph_dir: Path, endpoint: str | None,
               named_graphs: tuple[str, ...], timeout: float, limit: int, allow_service: tuple[str, ...]):
    """The result of a query on the local build or, with ``endpoint``, a remote store."""
    options = {"timeout": timeout or None, "limit": limit or None, "allow_service": set(allow_service),
               "substitutions": substitutions}
    if endpoint:
        from .remote import graph_iri, remote_execute
        from .vocab import ONTOLOGY_GRAPH

        graphs = list(named_graphs) or [graph_iri(graph_dir), ONTOLOGY_GRAPH]
        return remote_execute(endpoint, sparql, graphs=graphs, **options)
    from .query import execute
    from .triplestore import open_store

    return execute(open_store(graph_dir), sparql, **options)


def show(result, fmt: str) -> None:
    from .query import format_rows

    if fmt in ("turtle", "nt", "jsonld", "xml", "tsv", "sparql-json"):
        if (fmt in ("turtle", "nt", "jsonld")) != (result.form == "graph"):
            raise click.UsageError(f"--format {fmt} does not fit a {result.form.upper()} result")
        click.echo(result.serialize("json" if fmt == "sparql-json" else fmt).decode("utf-8").rstrip("\n"))
    else:
        click.echo(format_rows(*result.table(), fmt))
    if result.truncated:
        click.echo(f"note: stopped at --limit {len(result.rows) or len(result.triples)} results", err=True)


FORMAT_OPTION = click.option(
    "--format", "fmt", default="table", show_default=True,
    type=click.Choice(["table", "csv", "json", "tsv", "xml", "sparql-json", "turtle", "nt", "jsonld"]),
    help="table/csv/json: plain values; tsv/xml/sparql-json: SPARQL results formats; turtle/nt/jsonld: "
         "the graph of a CONSTRUCT or DESCRIBE.")


@click.command()
@click.argument("sparql", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a file.")
@GRAPH_OPTION
@FORMAT_OPTION
@safety_options(limit_default=10000)
@endpoint_options
def query(sparql: str | None, query_file: Path | None, graph_dir: Path, fmt: str, timeout: float, limit: int,
          allow_service: tuple[str, ...], endpoint: str | None, named_graphs: tuple[str, ...]) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a built graph and the ontology.

    Read-only: updates are refused, and so is SERVICE unless --allow-service names the host. The
    prefixes kg:, id:, doc:, ev:, mention:, derived:, rdf:, rdfs:, xsd:, skos:, prov:, dcterms:, owl:,
    org: and sh: are predefined. Which organisations take part in FREIA (by name or alias)?

    \b
      kg query 'SELECT DISTINCT ?label WHERE {
                  ?p a kg:Project ; rdfs:label|skos:altLabel "FREIA"@sv .
                  ?org kg:participatesIn ?p ; rdfs:label ?label }' --graph build/
    """
    if query_file:
        sparql = query_file.read_text(encoding="utf-8")
    if not sparql:
        raise click.UsageError("give a SPARQL query as argument or with --file")
    show(run_sparql(sparql, None, graph_dir, endpoint, named_graphs, timeout, limit, allow_service), fmt)


@click.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the question (repeatable), e.g. -p project=FREIA.")
@click.option("--list", "list_", is_flag=True, help="List the questions and their parameters.")
@GRAPH_OPTION
@FORMAT_OPTION
@safety_options(limit_default=10000)
@endpoint_options
def ask(name: str | None, params: tuple[str, ...], list_: bool, graph_dir: Path, fmt: str, timeout: float,
        limit: int, allow_service: tuple[str, ...], endpoint: str | None, named_graphs: tuple[str, ...]) -> None:
    """Ask a named question (a SPARQL file shipped with kg) with parameters bound safely.

    Names match labels and aliases alike (FREIA finds the project whose label is its long name).

    \b
      kg ask --list
      kg ask participants -p project=FREIA --graph build/
    """
    from .questions import get_question, parse_params, questions

    if list_ or not name:
        for q in questions().values():
            click.echo(f"{q.name}: {q.description}")
            for p in q.params:
                click.echo(f"    -p {p.name}=...  ({p.kind}) {p.help}")
        return
    question = get_question(name)
    subs = question.bind(parse_params(params))
    show(run_sparql(question.sparql, subs, graph_dir, endpoint, named_graphs, timeout, limit, allow_service), fmt)


@click.command()
@GRAPH_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 makes the graph readable by the whole network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@safety_options(limit_default=10000)
def serve(graph_dir: Path, host: str, port: int, timeout: float, limit: int, allow_service: tuple[str, ...]) -> None:
    """Serve the built graph read-only as a SPARQL 1.1 Protocol endpoint at /sparql.

    GET ?query=... or POST (form or application/sparql-query); results as SPARQL JSON, XML, CSV or
    TSV and graphs as Turtle, N-Triples or JSON-LD by the Accept header (or ?format=). Updates get
    403. Each query runs in its own process, stopped at --timeout. /ask/NAME?key=value asks a named
    question; /ask lists them. Ctrl-C stops the server.

    \b
      kg serve --graph build/ --port 8000
      curl 'http://127.0.0.1:8000/ask/participants?project=FREIA' -H 'Accept: text/csv'
    """
    from .serve import make_server

    server = make_server(graph_dir, host, port, timeout=timeout or None, limit=limit or None,
                         allow_service=set(allow_service))
    click.echo(f"serving {graph_dir} at http://{host}:{server.server_address[1]}/sparql (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command()
@click.argument("url")
@GRAPH_OPTION
@click.option("--name", default=None, help="Name (or IRI) of the named graph (default: the build folder's name).")
def push(url: str, graph_dir: Path, name: str | None) -> None:
    """Load a build into a SPARQL 1.1 store by the Graph Store HTTP Protocol (URL: its graph store endpoint).

    The build goes to one named graph, replaced whole on every push; the ontology to its own graph.

    \b
      oxigraph serve --location /tmp/ox --bind 127.0.0.1:7878 &
      kg push http://127.0.0.1:7878/store --graph build/
      kg query --endpoint http://127.0.0.1:7878/query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from .remote import push as run_push

    info = run_push(url, graph_dir, name)
    click.echo(f"pushed {info['triples']} triples to graph <{info['graph']}> at {url}")


COMMANDS = (query, ask, serve, push)

