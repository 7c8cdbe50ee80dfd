"""Reading and writing record files: YAML review records and CSV film catalogs.

Everything is validated before anything is written anywhere; an error names the file, the
record and the field.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from bot.records.schema import CastMember, FilmFacts, Record

RECORD_SUFFIXES = (".yaml", ".yml")
CATALOG_SUFFIXES = (".csv",)
MAX_FILE_BYTES = 1_000_000  # a record file (and anything attached in Discord)
MAX_CATALOG_BYTES = 200_000_000  # a CSV catalog given to `popcorn import`
CATALOG_COLUMNS = ("title", "year", "runtime_min", "genres", "directors", "cast", "cast_complete")
CATALOG_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
LIST_SEPARATOR = ";"


class RecordError(ValueError):
    """A record file that cannot be used. `str()` is a one-line message for a person."""

    def __init__(self, source: str, problem: str, *, record: str | None = None) -> None:
        self.source = source
        self.record = record
        self.problem = problem
        where = f"{source}, record {record}" if record else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class LoadedRecord:
    """A validated record and how to apply it.

    mode "replace": a review record file; it is the whole truth about its film.
    mode "merge": a catalog row; it adds the film and fills in facts the database lacks.
    """

    source: str
    record: Record
    mode: Literal["replace", "merge"]


def describe_validation_error(error: ValidationError) -> str:
    """`film.year: Input should be less than or equal to 2027` (first three problems)."""
    parts = []
    for item in error.errors()[:3]:
        field = ".".join(str(p) for p in item["loc"]) or "(record)"
        message = item["msg"].removeprefix("Value error, ")
        parts.append(f"{field}: {message}")
    more = len(error.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


MAX_YAML_DEPTH = 40  # nesting of lists and mappings; a record needs 4
MAX_YAML_VALUES = 100_000  # values in the document, each alias counted at its full size


class _YamlRefused(Exception):
    """Raised inside the YAML loader; becomes a RecordError naming the file."""


def _too_deep() -> _YamlRefused:
    return _YamlRefused(f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep")


def _too_big() -> _YamlRefused:
    return _YamlRefused(
        f"the YAML holds more than {MAX_YAML_VALUES:,} values "
        "(counting what anchors and aliases expand to)"
    )


def _timestamp_as_text(loader: _RecordLoader | yaml.CSafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


class _RecordLoader(yaml.SafeLoader):
    """yaml.SafeLoader with limits: nesting depth and the size aliases expand to. Dates are
    left as text, so the schema checks them and an impossible one names its field.

    The pure-Python reference: `_load_yaml` answers what this loader answers, whichever
    parser reads the text (see `_load_yaml_libyaml`)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _too_deep()
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_RecordLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _expanded_size(root: yaml.Node) -> int:
    """How many values the document holds once every alias is expanded (a "billion laughs"
    file is small but expands to billions). Iterative: no recursion on deep input."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = list(node.value)
        if children_done:
            open_nodes.discard(key)
            total = 1 + sum(sizes[id(child)] for child in children)
            sizes[key] = min(total, MAX_YAML_VALUES + 1)
            continue
        if key in open_nodes:
            raise _YamlRefused("the YAML refers to itself (a recursive alias)")
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise _YamlRefused("the YAML refers to itself (a recursive alias)")
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)]


def _load_yaml_python(text: str) -> Any:
    """The reference loader: PyYAML's pure-Python reader, scanner, parser and composer."""
    loader = _RecordLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_YAML_VALUES:
            raise _too_big()
        return loader.construct_document(node)
    finally:
        loader.dispose()


# libyaml (PyYAML's C extension), when PyYAML was built with it: a record file's YAML is read
# 6-9x faster (the shipped record: 11.6 ms -> 1.3 ms on the test machine). Its answer is used
# only for text it reads the way the pure-Python reader does (see _LIBYAML_DIFFERS and
# _compose_c) and only when the load succeeds; any refusal is the pure-Python loader's own, so
# every message (line numbers included) is today's.
if yaml.__with_libyaml__:

    class _RecordCLoader(yaml.CSafeLoader):
        """libyaml's parser (events only: its Cython composer recurses, so `_compose_c` builds
        the nodes), with the same constructors as `_RecordLoader`."""

    _RecordCLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    LIBYAML = True
else:  # pragma: no cover - PyYAML without libyaml: the pure-Python loader does everything
    LIBYAML = False

# Text libyaml could read differently from the pure-Python reader, left to the latter:
# - a character the pure-Python reader refuses anywhere in the stream (NUL, other control
#   characters, lone surrogates): it checks the whole text first, libyaml only as it reads;
# - a byte order mark: the pure-Python scanner skips one at the very start only, libyaml at
#   the start of any line;
# - a tab: the two scanners do not accept tabs in the same places (libyaml is more lenient);
# - NEL, LS, PS (U+0085, U+2028, U+2029): line breaks to both, kept out of caution;
# - a block scalar's header followed by `#` with no space (`|+# note`): libyaml reads a
#   comment there, the pure-Python scanner refuses it.
_LIBYAML_DIFFERS = re.compile(
    "[^\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    "|[|>][-+0-9]*#"
)


def _compose_c(loader: Any) -> yaml.Node | None:
    """PyYAML's Composer.get_single_node, iteratively over libyaml's events, with
    `_RecordLoader`'s depth limit and the expanded-size limit. libyaml parses with its own
    explicit stack, so a file nested 100,000 levels deep costs neither recursion nor more than
    MAX_YAML_DEPTH events here. Any problem raises; the caller then asks the pure-Python
    loader, whose answer is today's."""
    get_event = loader.get_event
    resolve = loader.resolve
    if loader.yaml_path_resolvers:  # descend/ascend_resolver would matter: not handled here
        raise NotImplementedError("path resolvers")
    if get_event().__class__ is not StreamStartEvent:
        raise ValueError("no stream start")
    event = get_event()
    if event.__class__ is StreamEndEvent:
        return None
    if event.__class__ is not DocumentStartEvent:
        raise ValueError("no document start")
    anchors: dict[str, yaml.Node] = {}
    # open collections: [node, the key waiting for its value (mappings)]
    stack: list[list[Any]] = []
    count = 0  # nodes composed: the expanded size when there is no alias
    aliases = False
    root: yaml.Node | None = None
    while True:
        event = get_event()
        kind = event.__class__
        node: yaml.Node
        if kind is SequenceEndEvent or kind is MappingEndEvent:
            if not stack:
                raise ValueError("unbalanced end")
            node = stack.pop()[0]
            node.end_mark = event.end_mark
        else:
            if len(stack) >= MAX_YAML_DEPTH:  # this node would be composed one level deeper
                raise _too_deep()
            if kind is AliasEvent:
                node = anchors[event.anchor]  # KeyError: an undefined alias
                aliases = True
            else:
                anchor = event.anchor
                if anchor is not None and anchor in anchors:
                    raise ValueError("a duplicate anchor")
                count += 1
                if count > MAX_YAML_VALUES:
                    raise _too_big()
                tag = event.tag
                if kind is ScalarEvent:
                    if "?" in event.value and not event.style and stack and stack[-1][0].flow_style:
                        # PyYAML ends a plain scalar at `?` inside [] or {}; libyaml does not
                        raise ValueError("a plain scalar with `?` in a flow collection")
                    if tag is None:
                        tag = resolve(ScalarNode, event.value, event.implicit)
                    elif tag == "!":  # PyYAML's parser: a plain scalar's implicit flags, even
                        # for an empty one (`key: !`), which libyaml flags as not implicit
                        tag = resolve(ScalarNode, event.value, (True, False))
                    node = ScalarNode(
                        tag, event.value, event.start_mark, event.end_mark, style=event.style
                    )
                    if anchor is not None:
                        anchors[anchor] = node
                else:
                    if kind is SequenceStartEvent:
                        node_class: type[yaml.CollectionNode] = SequenceNode
                    elif kind is MappingStartEvent:
                        node_class = MappingNode
                    else:
                        raise ValueError(f"unexpected {kind.__name__}")
                    if tag is None or tag == "!":
                        tag = resolve(node_class, None, event.implicit)
                    collection = node_class(
                        tag, [], event.start_mark, None, flow_style=event.flow_style
                    )
                    if anchor is not None:
                        anchors[anchor] = collection
                    stack.append([collection, None])
                    continue
        if not stack:
            root = node
            break
        parent = stack[-1]
        if parent[0].__class__ is SequenceNode:
            parent[0].value.append(node)
        elif parent[1] is None:
            parent[1] = node
        else:
            parent[0].value.append((parent[1], node))
            parent[1] = None
    if get_event().__class__ is not DocumentEndEvent:
        raise ValueError("no document end")
    if get_event().__class__ is not StreamEndEvent:
        raise ValueError("more than one document")
    if aliases and _expanded_size(root) > MAX_YAML_VALUES:
        raise _too_big()
    return root


def _load_yaml_libyaml(text: str) -> Any:
    """libyaml's parser, the pure-Python loader's composer rules and limits (`_compose_c`),
    the same constructors. Raises on anything it does not load."""
    loader = _RecordCLoader(text)
    try:
        node = _compose_c(loader)
        if node is None:
            return None
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _load_yaml(text: str) -> Any:
    """The YAML document in `text`, with the depth and size limits and dates left as text.
    libyaml reads it when it can; anything it refuses (or text it could read differently) is
    read by the pure-Python loader, so refusals and their messages are the reference's."""
    if LIBYAML and not _LIBYAML_DIFFERS.search(text):
        with contextlib.suppress(Exception):  # refused, or unsure: the reference answers
            return _load_yaml_libyaml(text)
    return _load_yaml_python(text)


def parse_record_text(text: str, source: str) -> Record:
    try:
        data = _load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise RecordError(source, f"not valid YAML{where}") from None
    except _YamlRefused as exc:
        raise RecordError(source, str(exc)) from None
    except Exception as exc:
        # A value YAML cannot build (`!!int x`, `!!bool maybe`: ValueError, KeyError, ...):
        # refused, never a traceback.
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise RecordError(source, f"not valid YAML ({detail})") from None
    if not isinstance(data, dict):
        raise RecordError(source, "a record file must hold a mapping with a `film:` section")
    title = data.get("film", {}).get("title") if isinstance(data.get("film"), dict) else None
    try:
        return Record.model_validate(data)
    except ValidationError as exc:
        record = repr(title) if isinstance(title, str) else None
        raise RecordError(source, describe_validation_error(exc), record=record) from None


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(LIST_SEPARATOR) if part.strip()]


def _cast(cell: str | None) -> list[dict[str, str | None]]:
    members: list[dict[str, str | None]] = []
    for item in _split(cell):
        name, sep, character = item.partition(" as ")
        members.append({"name": name.strip(), "character": character.strip() if sep else None})
    return members


def _flag(cell: str | None) -> bool | None:
    """A yes/no cell: true/false, yes/no, 1/0 (any case); empty: None. ValueError otherwise."""
    if not cell:
        return None
    value = CATALOG_BOOLEANS.get(cell.lower())
    if value is None:
        raise ValueError(f"{cell!r} is not one of true/false, yes/no, 1/0")
    return value


def _csv_problem(exc: csv.Error) -> str:
    message = str(exc)
    if "field larger than field limit" in message:
        return f"a cell is longer than the limit of {csv.field_size_limit():,} characters"
    if "new-line character seen in unquoted field" in message:
        return "a line break (carriage return) inside a cell: put the cell in double quotes"
    if "unexpected end of data" in message:
        return 'a quote (") is opened and never closed'
    return f"not valid CSV ({message})"


def _catalog_rows(lines: Iterable[str], source: str) -> Iterator[tuple[int, list[str]]]:
    """(the line the row starts on, its cells); blank lines skipped. A csv.Error, or a cell
    spanning lines (no catalog value has a line break: a quote left open swallows the rows
    after it), is a RecordError naming the line."""
    reader = csv.reader(lines, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RecordError(source, _csv_problem(exc), record=f"line {start}") from None
        if not cells:
            continue
        if reader.line_num != start:
            raise RecordError(
                source,
                f"a cell runs over lines {start}-{reader.line_num} "
                "(a quote left open? catalog cells are one line each)",
                record=f"line {start}",
            )
        yield start, cells


def parse_catalog_text(text: str, source: str) -> list[Record]:
    """A CSV catalog: header `title,year` plus optional runtime_min,genres,directors,cast,
    cast_complete (the cast listed is the whole cast; left out or empty: it is not)."""
    return list(iter_catalog_records(io.StringIO(text), source))


def _without_bom(lines: Iterable[str]) -> Iterator[str]:
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return
    yield first.lstrip("\ufeff")
    yield from lines


def iter_catalog_records(lines: Iterable[str], source: str) -> Iterator[Record]:
    """The validated rows of a CSV catalog, one at a time (the header is checked at the first
    `next`): a big catalog is never held whole. A RecordError names the first bad row."""
    rows = _catalog_rows(_without_bom(lines), source)
    first = next(rows, None)
    header = [h.strip() for h in first[1]] if first else []
    if header[:2] != ["title", "year"]:
        raise RecordError(source, "a catalog's header must start with `title,year`")
    unknown = sorted(set(header) - set(CATALOG_COLUMNS))
    if unknown:
        raise RecordError(source, f"unknown column(s): {', '.join(unknown)}")
    if len(set(header)) != len(header):
        raise RecordError(source, "a column is named twice in the header")
    for line_no, cells in rows:
        if len(cells) > len(header):
            raise RecordError(source, "more cells than columns", record=f"line {line_no}")
        row = dict(zip(header, (cell.strip() for cell in cells), strict=False))
        label = f"line {line_no} ({row['title']!r})" if row.get("title") else f"line {line_no}"
        try:
            cast_complete = _flag(row.get("cast_complete"))
        except ValueError as exc:
            raise RecordError(source, f"cast_complete: {exc}", record=label) from None
        data: dict[str, Any] = {
            "title": row.get("title", ""),
            "year": row.get("year") or None,
            "runtime_min": row.get("runtime_min") or None,
            "genres": _split(row.get("genres")),
            "directors": _split(row.get("directors")),
            "cast": _cast(row.get("cast")),
            "cast_complete": cast_complete,
        }
        try:
            # The film is validated; a catalog row has no release or review to check.
            yield Record.model_construct(film=FilmFacts.model_validate(data))
        except ValidationError as exc:
            detail = describe_validation_error(exc)
            raise RecordError(source, detail, record=label) from None


@dataclass(frozen=True, slots=True)
class CatalogFile:
    """A CSV catalog given to `popcorn import`, read as a stream: `records()` validates row by
    row from the file, so only the rows being written are in memory."""

    path: Path
    source: str

    def records(self) -> Generator[Record, None, None]:
        try:
            # newline="\n": lines end at \n only, as when the whole text is parsed (a lone
            # \r inside a cell is refused by the CSV reader, not read as a line end).
            with self.path.open(encoding="utf-8", newline="\n") as handle:
                yield from iter_catalog_records(handle, self.source)
        except UnicodeDecodeError:
            raise RecordError(self.source, "the file is not UTF-8 text") from None

    def check(self) -> None:
        """The size limit and the header, before anything is written."""
        if self.path.stat().st_size > MAX_CATALOG_BYTES:
            raise RecordError(self.source, f"the file is over {MAX_CATALOG_BYTES // 1_000_000} MB")
        rows = self.records()
        try:
            next(rows, None)
        finally:
            rows.close()

    def count_lines(self) -> int:
        """Lines after the header: the number of rows, give or take blank lines (progress)."""
        count = 0
        with self.path.open("rb") as handle:
            while block := handle.read(1 << 20):
                count += block.count(b"\n")
                last = block
        if count and not last.endswith(b"\n"):
            count += 1
        return max(count - 1, 0)


@dataclass(slots=True)
class ImportInput:
    """What `popcorn import` was given: review records (validated, small) and CSV catalogs
    (headers checked; rows streamed and validated while they are written)."""

    records: list[LoadedRecord]
    catalogs: list[CatalogFile]
    #: one report per WordPress export (.xml): reviews read, posts skipped and failed
    reports: list[str] = field(default_factory=list)
    #: the records that came from WordPress exports (also in `records`): the site's reviews,
    #: which do not overwrite a review edited in Discord without saying so (bot.sync.edits)
    from_exports: list[LoadedRecord] = field(default_factory=list)


def load_bytes(data: bytes, source: str) -> list[LoadedRecord]:
    """Validate one file's content (a record or a catalog, told apart by the name's suffix)."""
    suffix = Path(source).suffix.lower()
    limit = MAX_CATALOG_BYTES if suffix in CATALOG_SUFFIXES else MAX_FILE_BYTES
    if len(data) > limit:
        raise RecordError(source, f"the file is over {limit // 1_000_000} MB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordError(source, "the file is not UTF-8 text") from None
    if suffix in RECORD_SUFFIXES:
        return [LoadedRecord(source, parse_record_text(text, source), "replace")]
    if suffix in CATALOG_SUFFIXES:
        return [LoadedRecord(source, r, "merge") for r in parse_catalog_text(text, source)]
    known = ", ".join(RECORD_SUFFIXES + CATALOG_SUFFIXES)
    raise RecordError(source, f"unknown file type (expected {known})")


def iter_record_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The record and catalog files among `paths`, folders searched recursively, sorted."""
    for path in paths:
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in RECORD_SUFFIXES + CATALOG_SUFFIXES
            ]
            yield from sorted(found)
        elif path.is_file():
            yield path
        else:
            raise RecordError(str(path), "no such file or folder")


def load_paths(paths: Iterable[Path]) -> list[LoadedRecord]:
    """Validate every file first. Review records come before catalog rows, so catalogs only
    fill in what the records leave out, whatever order the files were named in."""
    loaded: list[LoadedRecord] = []
    for path in iter_record_files(paths):
        loaded.extend(load_bytes(path.read_bytes(), str(path)))
    seen: dict[str, str] = {}
    for item in loaded:
        if item.mode == "replace":
            if item.record.slug in seen:
                raise RecordError(
                    item.source,
                    f"a second record for {item.record.slug} (first: {seen[item.record.slug]})",
                )
            seen[item.record.slug] = item.source
    return sorted(loaded, key=lambda item: item.mode != "replace")


def load_import(paths: Iterable[Path]) -> ImportInput:
    """As load_paths, but CSV catalogs are not read into memory: their size and header are
    checked here, their rows are validated as the import streams them (bot.db.importer), and
    a bad row there rolls the whole import back. A WordPress export (.xml) gives its review
    posts as records (bot.records.wxr) and a report of the posts skipped and failed."""
    from bot.records.wxr import MAX_WXR_BYTES, WXR_SUFFIXES, read_wxr  # imports this module

    records: list[LoadedRecord] = []
    catalogs: list[CatalogFile] = []
    reports: list[str] = []
    from_exports: list[LoadedRecord] = []
    for path in iter_record_files(paths):
        if path.suffix.lower() in WXR_SUFFIXES:  # a WordPress export: its review posts
            if path.stat().st_size > MAX_WXR_BYTES:
                raise RecordError(str(path), f"the file is over {MAX_WXR_BYTES // 1_000_000} MB")
            reading = read_wxr(path.read_bytes(), str(path))
            records.extend(reading.records)
            from_exports.extend(reading.records)
            reports.append(reading.report())
        elif path.suffix.lower() in CATALOG_SUFFIXES:
            catalog = CatalogFile(path, str(path))
            catalog.check()
            catalogs.append(catalog)
        else:
            records.extend(load_bytes(path.read_bytes(), str(path)))
    check_unique(records)
    return ImportInput(records, catalogs, reports, from_exports)


def check_unique(records: Iterable[LoadedRecord]) -> None:
    """One review record per film: a second one is a RecordError naming both."""
    seen: dict[str, str] = {}
    for item in records:
        if item.mode != "replace":
            continue
        if item.record.slug in seen:
            raise RecordError(
                item.source,
                f"a second record for {item.record.slug} (first: {seen[item.record.slug]})",
            )
        seen[item.record.slug] = item.source


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as readable `|` blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str_representer)


def dump_record(record: Record) -> str:
    data = record.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    data = {"schema": record.schema_version, **data}
    _drop_empty(data)
    return yaml.dump(data, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=100)


def _drop_empty(data: dict[str, Any]) -> None:
    for key in list(data):
        value = data[key]
        if isinstance(value, dict):
            _drop_empty(value)
        if value in ({}, []):
            del data[key]


__all__ = [
    "CastMember",
    "CatalogFile",
    "ImportInput",
    "LoadedRecord",
    "RecordError",
    "check_unique",
    "dump_record",
    "iter_catalog_records",
    "load_bytes",
    "load_import",
    "load_paths",
    "parse_catalog_text",
    "parse_record_text",
]
