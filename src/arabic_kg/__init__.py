"""arabic-kg: a knowledge graph of actors and their relations from Arabic news."""

from arabic_kg.models import (
    Article,
    BuildReport,
    DocumentResult,
    Entity,
    Evidence,
    Mention,
    Relation,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BuildReport",
    "DocumentResult",
    "Entity",
    "Evidence",
    "Mention",
    "Relation",
    "build",
    "extract_text",
]


def __getattr__(name: str) -> object:
    # The pipeline pulls in camel-tools and every stage; import it only when the API is used,
    # so that `import arabic_kg.text` (and worker start-up) stays light.
    if name in ("build", "extract_text"):
        from arabic_kg import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
