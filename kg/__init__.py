"""kg: a knowledge graph of actors, projects, strategies and funding from Swedish regional reports."""
__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "__version__"]


def __getattr__(name: str):
    """``from kg import KnowledgeGraph`` without making every `kg` command import the façade."""
    if name == "KnowledgeGraph":
        from .facade import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
