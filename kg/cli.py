"""The `kg` command line: build, extract, query, export, viz, stats.

Each command does one thing and composes with the others through the build
folder (``--graph``/``--out``). Errors are one line on stderr with exit code 1
(bad input) or 2 (bad usage); nothing already built is touched by a failing run.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from extractors import TYPES as ENTITY_TYPES

from .errors import KgError

log = logging.getLogger("kg")

GRAPH_OPTION = click.option("--graph", "-g", "graph_dir", default="build", show_default=True,
                            type=click.Path(path_type=Path), help="Build folder made by `kg build` (or a .ttl file).")
JOBS_OPTION = click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
                           help="Worker processes for extraction.")
STRICT_OPTION = click.option("--strict", is_flag=True,
                             help="Stop at the first unreadable input (default: leave it out, list it, exit 1).")
NER_OPTION = click.option("--ner", type=click.Choice(["both", "rules", "model"]), default="both", show_default=True,
                          help="Entity finders: patterns and rules, the trained NER model, or both "
                               "(rules overwrite overlapping model spans).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bars.")
@click.version_option(package_name="kg")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Knowledge graph of actors, projects, strategies and funding from Swedish regional reports.

    \b
    Typical use:
      kg build reports/ --out build/
      kg query "SELECT ?org WHERE { ?org kg:participatesIn ?p }" --graph build/
      kg viz --graph build/ -o graph.html
    """
    level = logging.ERROR if quiet else [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    ctx.obj = {"progress": not quiet and sys.stderr.isatty(), "quiet": quiet}


def _set_quiet(ctx: click.Context, _param, value: bool) -> None:
    """`kg build -q` as well as `kg -q build`: only errors, no progress, no summary."""
    if value:
        ctx.find_root().obj.update(progress=False, quiet=True)
        logging.getLogger().setLevel(logging.ERROR)


QUIET_OPTION = click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_quiet,
                            help="Only errors; no progress bars (also accepted before the command).")


def check_folder_of(output: Path) -> None:
    """An output file's folder must exist: a typo must not create folders (as root: anywhere)."""
    folder = output.parent
    if not folder.is_dir():
        raise KgError(f"no such folder: {folder} (create it first)" if not folder.exists()
                      else f"not a folder: {folder}")


def say(message: str) -> None:
    """A summary line on stdout, unless -q."""
    if not click.get_current_context().find_root().obj.get("quiet"):
        click.echo(message)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", default="build", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl, kg.sqlite and manifest.json.")
@click.option("--db", "db_url", default=None, help="SQLAlchemy URL of the evidence store (default: SQLite in --out).")
@click.option("--year", type=click.IntRange(1900, 2100), default=None,
              help="Reporting year of the inputs (default: read from each report's title or reporting-period "
                   "phrase, e.g. 'Årsredovisning 2024', 'verksamhetsåret 2018').")
@JOBS_OPTION
@NER_OPTION
@STRICT_OPTION
@click.option("--push", "push_url", default=None, metavar="URL",
              help="Then load the graph into this Graph Store endpoint, as `kg push URL` does.")
@click.pass_context
def build(ctx: click.Context, paths: tuple[Path, ...], out: Path, db_url: str | None, jobs: int, ner: str,
          strict: bool, push_url: str | None, year: int | None) -> None:
    """Build the graph of PATHS (files or folders of .txt, .md, .pdf).

    With no PATHS, builds the sample report bundled with kg. All inputs are
    read and extracted before anything in --out is replaced, so a failing
    build leaves the previous one intact; rebuilding the same inputs gives
    the same graph. Unreadable files are left out and listed at the end
    (exit code 1); --strict stops at the first instead.
    """
    from .build import build as run_build

    manifest = run_build(list(paths), out, db_url=db_url, progress=ctx.obj["progress"], jobs=jobs, ner=ner,
                         strict=strict, year=year)
    say(f"built {out}/: {len(manifest['documents'])} document(s), {manifest['entities']} entities, "
               f"{manifest['relations']} relations, {manifest['triples']} triples")
    say(f"  wrote {out / 'graph.ttl'}")
    say(f"  wrote {out / 'kg.sqlite'}" if db_url is None else f"  wrote the evidence store {manifest['store']}")
    say(f"  wrote {out / 'manifest.json'}")
    say(f"  wrote {out / 'store'}/ (Oxigraph)")
    if push_url:
        from .remote import push

        info = push(push_url, out)
        say(f"pushed {info['triples']} triples to graph <{info['graph']}> at {push_url}")
    report_skipped(manifest["skipped"])


def report_skipped(skipped: list[dict]) -> None:
    """One summary of every input left out, on stderr, and exit code 1 (the others were used)."""
    if not skipped:
        return
    for s in skipped:
        click.echo(f"skipped {s['path']}: {s['reason']}", err=True)
    raise KgError(f"{len(skipped)} input(s) skipped (listed above); the others were used")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True,
              help="json: the {documents: [...]} contract read by evaluation tools.")
@JOBS_OPTION
@NER_OPTION
@STRICT_OPTION
@click.option("--explain", is_flag=True,
              help="Name the rule, layout or model behind each entity and relation (json: a 'rules' list per "
                   "entity and a 'rule' per mention).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[Path, ...], fmt: str, jobs: int, ner: str, strict: bool,
            explain: bool) -> None:
    """Show what extraction finds in PATHS, without building (default: the bundled sample).

    Unreadable files are left out and listed at the end (exit code 1); --strict stops at the first.
    """
    from .build import extract_documents, read_inputs

    docs, skipped = read_inputs(list(paths), strict=strict)
    results = extract_documents(docs, progress=ctx.obj["progress"], jobs=jobs, ner=ner)
    if fmt == "json":
        click.echo(json.dumps({"documents": [r.to_json(explain) for r in results]}, ensure_ascii=False, indent=1))
    for r in results if fmt == "text" else ():
        click.echo(f"# {r.source}: {len(r.entities)} entities, {len(r.relations)} relations")
        for e in r.entities:
            alias = f"  (aka {', '.join(e.aliases)})" if e.aliases else ""
            why = f"  <- {', '.join(e.rules())}" if explain else ""
            click.echo(f"  {e.type:13} {e.name}{alias}{why}")
        for rel in r.relations:
            why = f"  <- {rel.extractor} ({rel.confidence:.2f})" if explain else ""
            click.echo(f"  {rel.s} --{rel.p}--> {rel.o}  [line {rel.line}]{why}")
    report_skipped([{"path": s.path, "reason": s.reason} for s in skipped])


@cli.command()
@GRAPH_OPTION
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "jsonld", "trig", "graphml", "gexf", "csv"]),
              default="turtle", show_default=True,
              help="RDF (turtle, nt, jsonld, trig) or the entity network: graphml/gexf (Gephi, networkx) or "
                   "csv (Neo4j bulk import: nodes.csv and relationships.csv in the folder --output).")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--with-ontology", is_flag=True, help="Include the ontology's own triples.")
def export(graph_dir: Path, fmt: str, output: Path | None, with_ontology: bool) -> None:
    """Export a built graph as RDF, or its entity network for Gephi, networkx or Neo4j."""
    from .atomic import write_bytes

    quiet = click.get_current_context().find_root().obj.get("quiet")
    if output:
        check_folder_of(output)  # (for csv: the folder that will hold the output folder)
    if fmt in ("graphml", "gexf", "csv"):
        from .network_export import export_network

        result = export_network(graph_dir, fmt, output)
        if isinstance(result, bytes):
            click.echo(result.decode("utf-8"), nl=False)
        elif not quiet:
            click.echo("\n".join(f"wrote {p}" for p in result), err=True)
        return
    from .export import export_graph

    data = export_graph(graph_dir, fmt, with_ontology)
    if output:
        write_bytes(output, data)
        if not quiet:
            click.echo(f"wrote {output}", err=True)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@cli.command()
@GRAPH_OPTION
@click.option("--output", "-o", type=click.Path(path_type=Path), default="graph.html", show_default=True)
@click.option("--view", type=click.Choice(["entities", "collaboration", "funding"]), default="entities",
              show_default=True, help="entities: everything stated; collaboration: organisations joined by shared "
                                      "projects (weighted); funding: fund -> project -> organisation.")
@click.option("--type", "types", multiple=True,
              type=click.Choice(list(ENTITY_TYPES)),
              help="Only show these entity types (repeatable).")
@click.option("--focus", metavar="NAME", help="Only the neighbourhood of the entity with this name or alias.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 6), help="Links out from --focus.")
@click.option("--year", type=int, help="Only what the reports of this year say.")
@click.option("--compare", nargs=2, type=int, metavar="YEAR YEAR",
              help="Both years in one picture: new, kept and gone nodes and relations.")
def viz(graph_dir: Path, output: Path, view: str, types: tuple[str, ...], focus: str | None, depth: int,
        year: int | None, compare: tuple[int, int] | None) -> None:
    """Write an interactive network page: one self-contained HTML file (works offline).

    \b
    Search, filters (type, relation, fund, year), click for details and evidence,
    double-click to focus on a neighbourhood. Examples:
      kg viz --graph build/ -o graph.html
      kg viz --graph build/ --view collaboration -o collab.html
      kg viz --graph build/ --focus "Region Västerbotten" --depth 2 -o focus.html
      kg viz --graph build/ --compare 2024 2025 -o years.html
    """
    from .viz import write_viz

    if year is not None and compare:
        raise click.UsageError("give --year or --compare, not both")
    check_folder_of(output)
    write_viz(graph_dir, output, set(types) or None, view=view, focus=focus, depth=depth, year=year,
              compare=tuple(compare) if compare else None)
    say(f"wrote {output}")


@cli.command()
@GRAPH_OPTION
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=0), help="How many of each list to print.")
@click.option("--csv", "csv_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Also write entities.csv, communities.csv and organisation_pairs.csv into this folder.")
@click.option("--write/--no-write", default=True, show_default=True,
              help="Write the values to derived.ttl beside the build's graph.ttl (DIR/current/derived.ttl; "
                   "kgd: namespace, marked as derived; a rebuild drops them).")
def analyze(graph_dir: Path, top: int, csv_dir: Path | None, write: bool) -> None:
    """Centrality, communities, brokers and the organisation projection of the network.

    \b
    Degree and betweenness centrality; communities by Leiden (igraph); brokers, whose links reach
    other communities; organisations joined through shared projects. Example:
      kg analyze --graph build/ --csv analysis/
    """
    from .analyze import analyze as run_analysis, derived_graph, derived_path, report, to_csv
    from .atomic import write_bytes, write_text
    from .network import to_networkx

    a = run_analysis(to_networkx(graph_dir))
    click.echo(report(a, top))
    quiet = click.get_current_context().find_root().obj.get("quiet")
    if csv_dir:
        check_folder_of(csv_dir)
        csv_dir.mkdir(exist_ok=True)
        for name, text in to_csv(a).items():
            write_text(csv_dir / name, text)
            if not quiet:
                click.echo(f"wrote {csv_dir / name}", err=True)
    if write:
        from .triplestore import replace_derived

        target, turtle = derived_path(graph_dir), derived_graph(a).serialize(format="turtle", encoding="utf-8")
        write_bytes(target, turtle)
        replace_derived(graph_dir, turtle)
        if not quiet:
            click.echo(f"wrote {target} and its values into {graph_dir}/store", err=True)


@cli.command()
@GRAPH_OPTION
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=0), help="How many top actors to list.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(graph_dir: Path, top: int, fmt: str) -> None:
    """Counts per class and predicate, the documents, and the most connected actors."""
    from .stats import format_stats, graph_stats

    s = graph_stats(graph_dir, top)
    click.echo(json.dumps(s, ensure_ascii=False, indent=2) if fmt == "json" else format_stats(s))


@cli.command()
@GRAPH_OPTION
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=0),
              help="How many violations to list (0: all).")
def validate(graph_dir: Path, limit: int) -> None:
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl).

    Prints a summary and exits 0 if the graph conforms; otherwise lists the
    violations on stdout, a one-line summary on stderr, and exits 1.
    """
    from .validate import load_graph, validate_graph

    report = validate_graph(load_graph(graph_dir))
    if report.conforms:
        click.echo(report.summary())
        return
    for v in report.violations[:limit or None]:
        click.echo(v.line())
    raise KgError(report.summary())


@cli.command()
@click.option("--corpus", "corpus", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Report files or folders for silver labels (repeatable; default: ../shared/corpus).")
@click.option("--output", "-o", default=None, type=click.Path(path_type=Path),
              help="Model folder (default: extractors/model, the shipped model).")
@click.option("--max-steps", default=None, type=int, help="Training steps (default: the config's).")
@click.option("--seed", default=0, show_default=True, help="Random seed (same inputs + seed = same model).")
@click.option("--examples", default=None, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of hand-written example sentences (default: extractors/training).")
@click.option("--gold", "gold_dir", default=None, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Also train on the gold annotations of the corpus reports, as fully annotated sentences "
                   "(e.g. ../shared/gold). Off by default: it did not improve held-out sets (README).")
@click.option("--names", "realdata_dir", default=None, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Also train on the ERUF and Interreg name tables of this folder, set into sentence "
                   "templates (e.g. ../shared/realdata). Off by default, like --gold.")
def train(corpus: tuple[Path, ...], output: Path | None, max_steps: int | None, seed: int,
          examples: Path | None, gold_dir: Path | None, realdata_dir: Path | None) -> None:
    """Train the NER on silver labels of the rules over --corpus plus hand-written examples, and
    optionally the corpus's gold annotations (--gold) and real names (--names).

    Without --gold/--names it reproduces the shipped model (extractors/model) from the repository's
    own files: the rules, extractors/config/ner.cfg and extractors/training/.
    """
    from extractors.train import DEFAULT_OUTPUT, EXAMPLES_DIR, train as run_train

    from .ingest import collect_paths

    files = [p for p in collect_paths(list(corpus) or [default_corpus()]) if p.suffix.lower() in (".txt", ".md")]
    if not files:
        raise click.UsageError("no .txt reports found for --corpus")
    quiet = click.get_current_context().find_root().obj.get("quiet")
    info = run_train(files, output or DEFAULT_OUTPUT, max_steps=max_steps, seed=seed,
                     examples_dir=examples or EXAMPLES_DIR, gold_dir=gold_dir, realdata_dir=realdata_dir,
                     echo=None if quiet else (lambda line: click.echo(line, err=True)))
    say(f"trained on {len(files)} report(s), {info['train_docs']} training docs; wrote {output or DEFAULT_OUTPUT}")


def default_corpus(here: Path = Path(__file__)) -> Path:
    """The corpus `kg train` uses without --corpus: $KG_SHARED/corpus, else ../shared/corpus beside
    a source checkout. An installed kg (a wheel) has no checkout: then --corpus is needed."""
    if os.environ.get("KG_SHARED"):
        found = Path(os.environ["KG_SHARED"]) / "corpus"
    else:
        checkout = here.resolve().parent.parent
        if not (checkout / "pyproject.toml").is_file():
            raise click.UsageError("give --corpus: kg is installed, not run from a source checkout, so there "
                                   "is no default ../shared/corpus (or set KG_SHARED)")
        found = checkout.parent / "shared" / "corpus"
    if not found.is_dir():
        raise click.UsageError(f"the default corpus {found} does not exist: give --corpus")
    return found


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder of gold annotation JSON files (one per annotated slice).")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Where the annotated reports are, when no PATHS are given (default: GOLD/../corpus).")
@click.option("--predictions", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Score this `kg extract --format json` file instead of extracting.")
@click.option("--against", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="Score another annotation of the same documents (a folder of gold-format files, e.g. a "
                   "second annotator's pass) against --gold: the annotators' agreement.")
@click.option("--errors", is_flag=True, help="Also list every false positive and false negative.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@JOBS_OPTION
@NER_OPTION
@click.pass_context
def evaluate(ctx: click.Context, paths: tuple[Path, ...], gold_dir: Path, corpus_dir: Path | None,
             predictions: Path | None, against: Path | None, errors: bool, fmt: str, jobs: int, ner: str) -> None:
    """P/R/F1 per entity type and per relation of extraction on annotated reports.

    Extracts PATHS (or the reports the gold files name, found in --corpus) and
    scores them against the gold annotations in --gold with the same matching
    rules as the reference scorer; --errors lists the false positives and negatives.
    """
    from .evaluate import annotations_as_predictions, load_gold, report, score

    gold = load_gold(gold_dir)
    if against is not None:
        preds = annotations_as_predictions(against)
    elif predictions is not None:
        try:
            preds = json.loads(predictions.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise KgError(f"cannot read predictions {predictions}: {e}") from None
    else:
        from .build import extract_documents, load_documents
        from .ingest import collect_paths

        if paths:
            files = [p for p in collect_paths(list(paths)) if p.name in gold]
        else:
            folder = corpus_dir or gold_dir.resolve().parent / "corpus"
            files = [folder / name for name in sorted(gold) if (folder / name).exists()]
        if not files:
            raise KgError("none of the documents named in the gold files was found; give PATHS or --corpus")
        docs = load_documents(files)
        results = extract_documents(docs, progress=ctx.obj["progress"], jobs=jobs, ner=ner)
        preds = {"documents": [r.to_json() for r in results]}
    sc = score(gold, preds)
    if not sc.documents:
        raise KgError("no predicted document matches a gold document (compare file names)")
    if fmt == "json":
        out = sc.to_json()
        if errors:
            out["errors"] = [dict(zip(("doc", "kind", "what", "text"), e)) for e in sc.errors]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        click.echo(report(sc, errors=errors))


for _command in __import__("kg.cli_sparql", fromlist=["COMMANDS"]).COMMANDS:  # query, ask, serve, push
    cli.add_command(_command)
for _command in cli.commands.values():  # `kg build -q` as well as `kg -q build`
    _command.params.append(QUIET_OPTION)


def main() -> None:
    """Entry point: usage errors and bad input become one line, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.UsageError as e:  # click's own form is three lines (usage, hint, error)
        where = f" (see '{e.ctx.command_path} --help')" if e.ctx is not None else ""
        click.echo(f"Error: {' '.join(e.format_message().split())}{where}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KgError as e:  # pragma: no cover - KgError is a ClickException
        e.show()
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # noqa: BLE001 - the CLI's promise: one line, no traceback
        if logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        click.echo(f"Error: {type(e).__name__}: {e}", err=True)
        sys.exit(1)
