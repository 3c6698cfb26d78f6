"""Plain records that flow from extraction to the store, the graph and the JSON contract."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """One occurrence of an entity in a document."""

    text: str
    type: str
    line: int  # 1-based line in the original file
    start: int  # offsets in the normalised text
    end: int
    source: str = "rules"  # which extractor found it
    rule: str = ""  # the rule or layout behind it, where known ("layout:fact-box-project:owner")


@dataclass
class Entity:
    """One real-world entity of a document after resolution."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def retype(self, etype: str) -> None:
        """Give the entity and each of its mentions the type ``etype`` (relations read the mentions' types)."""
        self.type = etype
        for m in self.mentions:
            m.type = etype

    def rules(self) -> list[str]:
        """The rules and layouts whose mentions make this entity, most used first."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.rule or m.source] = counts.get(m.rule or m.source, 0) + 1
        return sorted(counts, key=lambda r: (-counts[r], r))

    def to_json(self, explain: bool = False) -> dict:
        out = {
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "mentions": [{"line": m.line, "text": m.text} for m in self.mentions],
        }
        if explain:
            out["rules"] = self.rules()
            out["mentions"] = [{"line": m.line, "text": m.text, "rule": m.rule or m.source} for m in self.mentions]
        return out


@dataclass
class Relation:
    """A stated relation with the evidence for it."""

    s: str
    p: str
    o: str
    line: int
    evidence: str
    extractor: str = "rules"
    confidence: float = 0.5

    def key(self) -> tuple[str, str, str]:
        return (self.s, self.p, self.o)

    def to_json(self) -> dict:
        return {"s": self.s, "p": self.p, "o": self.o, "line": self.line, "evidence": self.evidence,
                "extractor": self.extractor, "confidence": round(self.confidence, 3)}


@dataclass
class DocResult:
    """What extraction found in one document."""

    source: str
    entities: list[Entity]
    relations: list[Relation]

    def to_json(self, explain: bool = False) -> dict:
        return {"source": self.source,
                "entities": [e.to_json(explain) for e in self.entities],
                "relations": [r.to_json() for r in self.relations]}
