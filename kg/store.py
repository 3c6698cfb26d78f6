"""The evidence store: documents, entities, mentions and relations in SQL (SQLAlchemy).

SQLite in the build folder by default; any SQLAlchemy URL works. A build
replaces the store's content in one transaction, so a failed build leaves the
previous content as it was.
"""
from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text, create_engine, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    path: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)


class EntityRow(Base):
    __tablename__ = "entities"
    iri: Mapped[str] = mapped_column(String(512), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32), index=True)


class AliasRow(Base):
    __tablename__ = "aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_iri: Mapped[str] = mapped_column(ForeignKey("entities.iri"), index=True)
    alias: Mapped[str] = mapped_column(Text)


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_iri: Mapped[str] = mapped_column(ForeignKey("entities.iri"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(64))


class RelationRow(Base):
    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    s_iri: Mapped[str] = mapped_column(ForeignKey("entities.iri"), index=True)
    p: Mapped[str] = mapped_column(String(32), index=True)
    o_iri: Mapped[str] = mapped_column(ForeignKey("entities.iri"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    line: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(64))
    confidence: Mapped[float] = mapped_column(Float)


TABLES = (RelationRow, MentionRow, AliasRow, EntityRow, DocumentRow)  # delete order


def engine_for(url: str):
    return create_engine(url, future=True)


def replace_all(url: str, rows: list[Base]) -> None:
    """Replace the store's content with ``rows`` in one transaction."""
    eng = engine_for(url)
    Base.metadata.create_all(eng)
    with Session(eng) as session, session.begin():
        for table in TABLES:
            session.execute(delete(table))
        session.add_all(rows)
    eng.dispose()


def read_rows(url: str, table):
    eng = engine_for(url)
    with Session(eng) as session:
        rows = list(session.scalars(select(table)))
    eng.dispose()
    return rows
