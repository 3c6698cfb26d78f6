"""The evidence store: documents, entities, mentions and relations in SQL (SQLAlchemy).

SQLite in the build folder by default; any SQLAlchemy URL works. A build
replaces the store's content in one transaction, so a failed build leaves the
previous content as it was.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from sqlalchemy import Float, ForeignKey, Integer, String, Text, create_engine, delete, insert, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateTable
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from .errors import KgError


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


def safe_url(url: str) -> str:
    """``url`` with any password masked, fit for logs and the manifest."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def check_url(url: str) -> None:
    """Fail early, in one line, on a URL SQLAlchemy cannot use (bad syntax, unknown dialect, missing driver)."""
    try:
        eng = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as e:
        raise KgError(f"unusable database URL {safe_url(url)}: {type(e).__name__}: {str(e).splitlines()[0]}") from None
    try:
        if eng.dialect.name != "sqlite":  # a server: check it answers (SQLite would create its file)
            with eng.connect():
                pass
    except SQLAlchemyError as e:
        raise KgError(f"cannot connect to {safe_url(url)}: {str(e).splitlines()[0]}") from None
    finally:
        eng.dispose()


def engine_for(url: str):
    return create_engine(url)


BATCH_ROWS = 10_000  # rows per INSERT: large enough to be fast, small enough to keep memory flat


def replace_all(url: str, rows: dict[type[Base], Iterable[dict]]) -> None:
    """Replace the store's content with ``rows`` (per table, the column values of each row; an iterator is
    consumed in batches) in one transaction (nothing changes if it fails). Core executemany inserts: ORM
    objects cost seconds on a large build."""
    eng = engine_for(url)
    try:
        create_schema(eng)
        with eng.begin() as conn:
            for table in TABLES:
                conn.execute(delete(table.__table__))
            for table in reversed(TABLES):  # referenced tables first
                for batch in batched(rows.get(table, ()), BATCH_ROWS):
                    conn.execute(insert(table.__table__), batch)
    except SQLAlchemyError as e:
        raise KgError(f"cannot write the evidence store {safe_url(url)}: {str(e).splitlines()[0]}") from None
    finally:
        eng.dispose()


def create_schema(eng) -> None:
    """The tables that are missing, each with its indexes in name order (``create_all`` takes them in set order,
    so two builds of the same graph would give SQLite files with different bytes)."""
    with eng.begin() as conn:
        existing = set(inspect(conn).get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name not in existing:
                conn.execute(CreateTable(table))
                for index in sorted(table.indexes, key=lambda ix: ix.name):
                    index.create(conn)


def batched(items: Iterable, n: int) -> Iterator[list]:
    """Lists of ``n`` items (the last may be shorter); itertools.batched from Python 3.12."""
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def read_rows(url: str, table):
    eng = engine_for(url)
    with Session(eng) as session:
        rows = list(session.scalars(select(table)))
    eng.dispose()
    return rows
