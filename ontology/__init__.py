"""The kg ontology and SHACL shapes, shipped as Turtle next to this file."""
from pathlib import Path

ONTOLOGY = Path(__file__).parent / "kg.ttl"
SHAPES = Path(__file__).parent / "shapes.ttl"
