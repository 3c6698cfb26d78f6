"""Named questions: SPARQL files shipped in kg/questions/, asked with parameters bound as RDF terms.

A question is a ``NAME.rq`` file whose leading comment says what it answers, one line per parameter:
``# param NAME KIND: what it is, e.g. EXAMPLE``. KIND says how a value becomes a term:

* ``label``: a name or alias of an entity, the literal ``"value"@sv`` (labels and altLabels are @sv);
* ``year``: a report year, ``"2024"^^xsd:gYear``;
* ``relation``: a relation's name, the IRI ``kg:<name>`` (only the eight stated relations).

Values are handed to Oxigraph as substitutions of the query's variables (SEP-0007), so no value is ever
pasted into query text: a quote or brace in a value is just part of the name looked for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from extractors import PREDICATES

from .errors import KgError
from .vocab import KG, PREFIXES

QUESTIONS_DIR = Path(__file__).parent / "questions"
_PARAM = re.compile(r"#\s*param\s+(\w+)\s+(label|year|relation)\s*:\s*(.*)")
_EXAMPLE = re.compile(r"e\.g\.\s+(.+?)\s*$")


@dataclass
class Param:
    name: str
    kind: str
    help: str

    @property
    def example(self) -> str | None:
        m = _EXAMPLE.search(self.help)
        return m.group(1) if m else None

    def term(self, value: str):
        """The RDF term a value stands for."""
        if self.kind == "label":
            return ox.Literal(value, language="sv")
        if self.kind == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise KgError(f"--param {self.name}: a year is four digits, not {value!r}")
            return ox.Literal(value, datatype=ox.NamedNode(PREFIXES["xsd"] + "gYear"))
        if value.removeprefix("kg:") not in PREDICATES:
            raise KgError(f"--param {self.name}: unknown relation {value!r}; one of {', '.join(PREDICATES)}")
        return ox.NamedNode(str(KG[value.removeprefix("kg:")]))


@dataclass
class Question:
    name: str
    description: str
    sparql: str
    params: list[Param] = field(default_factory=list)

    def bind(self, values: dict[str, str]) -> dict:
        """Substitutions for ``values`` (parameter name -> text); unknown names are an error."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise KgError(f"question {self.name} has no parameter {unknown[0]!r}; "
                          f"it takes {', '.join(known) or 'none'}")
        return {ox.Variable(k): known[k].term(str(v)) for k, v in values.items()}


def parse_question(path: Path) -> Question:
    text = path.read_text(encoding="utf-8")
    description, params = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _PARAM.match(line)
        if m:
            params.append(Param(*m.groups()))
        else:
            description.append(line.lstrip("# ").rstrip())
    return Question(path.stem, " ".join(description), text, params)


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    """Every shipped question by name."""
    return {p.stem: parse_question(p) for p in sorted(QUESTIONS_DIR.glob("*.rq"))}


def get_question(name: str) -> Question:
    qs = questions()
    if name not in qs:
        raise KgError(f"no question named {name!r}; `kg ask --list` shows them: {', '.join(qs)}")
    return qs[name]


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``key=value`` strings (as given to --param) as a dict."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise KgError(f"--param wants key=value, not {pair!r}")
        out[key.strip()] = value
    return out
