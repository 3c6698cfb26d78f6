"""Shared by the network-page tests: a build whose names carry markup, and a headless Chromium.

The hostile texts are our own; each would run script (setting ``window.__pwned``) if the page put it
into the DOM as HTML.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"  # screenshots to look at (git-ignored)
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

SCRIPT = '</script><script>window.__pwned=1</script>'
IMG = '<img src=x onerror="window.__pwned=2">'
HREF = '<a href="javascript:window.__pwned=3">Kommun & "Co"</a>'
QUOTE = "Projektet " + SCRIPT + " leds av Region " + IMG + " Västerbotten."


def make_evil_build(out: Path) -> Path:
    """A build folder (graph.ttl and its store) whose labels, aliases, quotes and document title hold script, an onerror image and an href."""
    from extractors.records import DocResult, Entity, Mention, Relation
    from kg.build import build_graph, merge_entities
    from kg.ingest import Document

    d = Document("e" * 16, "evil.txt", "/evil.txt", "Rapport " + IMG + " 2024", 2024, QUOTE + "\n" + HREF + " deltar.")
    project, org, other = SCRIPT, "Region " + IMG, HREF
    ents = [Entity(project, "Project", ["FREIA</script><b>", "A & B 'q'"], [Mention(project, "Project", 1, 0, 0)]),
            Entity(org, "Organisation", ["Kommun & Co"], [Mention(org, "Organisation", 1, 0, 0)]),
            Entity(other, "Organisation", [], [Mention(other, "Organisation", 2, 0, 0)])]
    rels = [Relation(org, "leads", project, 1, QUOTE), Relation(other, "participatesIn", project, 2, HREF + " deltar.")]
    res = [DocResult("evil.txt", ents, rels)]
    g = build_graph([d], res, merge_entities([d], res))
    from kg.triplestore import store_from_rdf

    out.mkdir(parents=True, exist_ok=True)
    turtle = g.serialize(format="turtle", encoding="utf-8")
    (out / "graph.ttl").write_bytes(turtle)
    store_from_rdf(out / "store", turtle)  # readers query a build folder's store
    return out


def need_chromium() -> None:
    """Skip without Chromium or playwright, except in CI (CI=true), where they must be installed."""
    missing = not Path(CHROMIUM).exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs Chromium at {CHROMIUM} and the playwright package (see .ci/run)")
        pytest.skip("Chromium or playwright is not installed")


@contextmanager
def browser():
    """Debian's Chromium through playwright (no browser download)."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


def open_page(b, html: Path, width: int = 1400, height: int = 900):
    """A tab showing ``html``, ready (its script ran); page errors are collected in ``page.kg_errors``."""
    page = b.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.kg_errors = errors
    page.goto(html.resolve().as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=15000)
    return page


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


