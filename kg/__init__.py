"""kg: a knowledge graph of actors, projects, strategies and funding from Swedish regional reports."""
__version__ = "0.1.0"
