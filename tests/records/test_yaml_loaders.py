"""Record YAML is read by libyaml when PyYAML has it (`_load_yaml_libyaml`, 6-9x
faster) and by PyYAML's pure-Python loader otherwise (`_load_yaml_python`, the reference). The
same hostile and valid texts go through both: libyaml's loader either loads exactly what the
reference loads or fails (never another value), `_load_yaml` answers what the reference answers
(values, refusals and their messages alike), and every guard (nesting depth, expanded size,
recursive aliases, dates left as text) holds in the libyaml loader by itself."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.records import files
from bot.records.files import (
    MAX_YAML_DEPTH,
    MAX_YAML_VALUES,
    RecordError,
    dump_record,
    parse_record_text,
)
from tests.helpers import ANSWER_DATA, REPO
from tests.properties.test_no_crash import SHIPPED, YAML_TOKENS, glued, mutated

needs_libyaml = pytest.mark.skipif(
    not files.LIBYAML, reason="PyYAML is built without libyaml: only the pure-Python loader runs"
)

#: the shipped records and the answer tests' own
RECORD_FILES = sorted([*(REPO / "data").rglob("*.yaml"), *ANSWER_DATA.glob("*.yaml")])


def nested(depth: int, inner: str = "") -> str:
    return "film:\n  title: X\na: " + "[" * depth + inner + "]" * depth + "\n"


def block_nested(depth: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + "  " * depth + "x\n"


def laughs(levels: int) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def values(count: int) -> str:
    """A document of exactly `count` values (the sequence itself is one)."""
    return "[" + ", ".join(["1"] * (count - 1)) + "]\n"


VALID = {
    "shipped": SHIPPED,
    "shipped, CRLF": SHIPPED.replace("\n", "\r\n"),
    "shipped, anchored": SHIPPED.replace("film:", "film: &f", 1) + "copy: *f\n",
    "shipped, dumped": dump_record(parse_record_text(SHIPPED, "s.yaml")),
    "shipped, BOM first": "\ufeff" + SHIPPED,
    "empty": "",
    "comment only": "# nothing\n",
    "explicit document": "--- \nfilm: {title: X}\n...\n",
    "null document": "---\n",
    "scalar": "just a sentence",
    "list": "- a\n- list\n",
    "merge keys": "base: &b {x: 1, y: 2}\nuse: {<<: *b, y: 3}\nmany: {<<: [*b, {z: 4}]}\n",
    "timestamps as text": "a: 2001-12-14t21:59:43.10-05:00\nb: 2002-12-14\n"
    "c: !!timestamp 2001-02-30\n",
    "scalar kinds": "a: [~, null, yes, No, on, 0x1F, 0o17, 017, 1_000, 1e3, .inf, -.Inf, .NaN]\n"
    "b: [12:30, 190:20:30, -1_0, +.5, 0b101, 1.5e+3, 6.8523015e+5]\n",
    "tags": "a: !!str 12\nb: ! 12\nc: ! '12'\nd: !\ne: !<!> 7\ne2: !<!>\n"
    "f: !!binary aGVsbG8=\ng: !!set {x}\nh: !!null ''\ni: !!float 1\nj: !!bool yes\n",
    "ordered maps": "a: !!omap [x: 1, y: 2]\nb: !!pairs [x: 1, x: 2]\n",
    "duplicate keys": "a: 1\na: 2\nb: {c: 1, c: 2}\n",
    "escapes": 'a: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\/\\0\\t"\n',
    "surrogate escape": 'a: "\\ud800"\n',
    "block scalars": "a: |2\n   x\nb: >-\n\n  x\n\n  y\nc: |+\n  z\n\nd: >\n  folded\n  text\n",
    "flow plain colons": "a: [a:b, {c:d}, [e: f]]\n",
    "YAML 1.1 directive": "%YAML 1.1\n--- a\n",
    "YAML 1.3 directive": "%YAML 1.3\n--- a\n",
    "long key": "k" * 1024 + ": v\n",
    "long wide key": "é" * 1024 + ": v\n",
    "NEL and separators quoted": "a: 'x\x85y'\nc: \"y\u2028z\u2029w\"\n",
    "tab in quotes": "a: 'x\ty'\n",
    "question marks outside flow": "a: Poor Blu-ray?\nb?: [?x, '?', \"?\"]\nc: |\n  ?\n",
    "non-ASCII": "film:\n  title: Amélie – 中文 😀\n",
    "nested within the limit": nested(MAX_YAML_DEPTH - 2, "1"),
    "nested to the limit, empty": "[" * MAX_YAML_DEPTH + "]" * MAX_YAML_DEPTH + "\n",
    "alias at the limit": "- &a 1\n- "
    + "[" * (MAX_YAML_DEPTH - 2)
    + "*a"
    + "]" * (MAX_YAML_DEPTH - 2),
    "laughs within the limit": laughs(4),
    "BOM at a line start": "a: 1\n\ufeffb: 2\n",
    "BOM mid-line": "a: x\ufeffy\n",
    "BOM after line separators": "\u2029\u2029\ufeff",
    "bad binary": "a: !!binary '#'\n",
}
HOSTILE = {
    "nested one too deep": nested(MAX_YAML_DEPTH - 1, "1"),
    "nested to the limit, one more empty": "[" * (MAX_YAML_DEPTH + 1) + "]" * (MAX_YAML_DEPTH + 1),
    "alias one too deep": "- &a 1\n- "
    + "[" * (MAX_YAML_DEPTH - 1)
    + "*a"
    + "]" * (MAX_YAML_DEPTH - 1),
    "block mappings 200 deep": block_nested(200),
    "block mappings 41 deep": block_nested(MAX_YAML_DEPTH),
    "billion laughs": laughs(9),
    "laughs over the limit": laughs(6),
    "recursive sequence": "a: &a [1, *a]\n",
    "recursive mapping": "a: &a {b: *a}\n",
    "recursive key": "&a {*a : 1}\n",
    "undefined alias": "a: *nope\n",
    "duplicate anchor": "a: &a 1\nb: &a 2\nc: *a\n",
    "two documents": "a: 1\n--- \nb: 2\n",
    "unclosed flow": "film:\n  title: [Leaving Las Vegas\n  year: 1995\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "key too long": "k" * 1025 + ": v\n",
    "bad escape": 'a: "\\q"\n',
    "YAML 2.0 directive": "%YAML 2.0\n--- a\n",
    "unknown tag": "a: !!python/object:os.system x\n",
    "local tag": "a: !x 1\n",
    "int that is not": "a: !!int x\n",
    "bool that is not": "a: !!bool maybe\n",
    "NUL": "film:\n  title: X\x00\n",
    "NUL after the document": "a: 1\n...\n\x00",
    "control character": "a: \x07\n",
    "lone surrogate": "a: \ud800\n",
    "tab after a colon": "a:\tb\n",
    "tab indentation": "a:\n\t- b\n",
    "tab after a dash": "-\tb\n",
    "tab in flow": "[a,\tb]\n",
    "comment right after a block scalar header": "a: |+# note\n  x\n",
    "question mark in a flow mapping": "cast:\n  - {name: Nicolas Cage, character: Who? Me}\n",
    "question mark in a flow key": "a: {x?y: 1}\n",
    "question mark in a flow sequence": "a: [x?y]\n",
    "separator before a tab": "\u2028\t- -\t",
    "NEL as a line break": "a: x\x85b\nc: y\u2028z\u2029w\n",
    "unknown tag by a TAG directive": "%TAG !e! tag:example.com,2000:\n--- !e!x a\n",
    "a list as a key": "? [a, b]\n: c\n? {d: e}\n: f\n",
}
CORPUS = {**VALID, **HOSTILE}


def outcome(load: Callable[[str], Any], text: str) -> tuple[str, ...]:
    """What a loader gives: the value (its repr tells 1, 1.0 and True apart), or the error's
    type and full text (marks included)."""
    try:
        return ("loaded", repr(load(text)))
    except Exception as exc:
        return ("refused", type(exc).__name__, str(exc))


def record_outcome(text: str) -> str:
    try:
        return repr(parse_record_text(text, "corpus.yaml"))
    except RecordError as error:
        return f"RecordError: {error}"


@functools.cache
def reference(name: str) -> tuple[str, ...]:
    """The pure-Python loader's answer (once per worker: the deep texts take it a while)."""
    return outcome(files._load_yaml_python, CORPUS[name])


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_load_yaml_answers_what_the_pure_python_loader_answers(name: str) -> None:
    assert outcome(files._load_yaml, CORPUS[name]) == reference(name)
    assert reference(name)[0] == ("loaded" if name in VALID else "refused")


@functools.cache
def reference_record(name: str) -> str:
    """parse_record_text's answer without libyaml: a RecordError's text, or the record."""
    saved, files.LIBYAML = files.LIBYAML, False
    try:
        return record_outcome(CORPUS[name])
    finally:
        files.LIBYAML = saved


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_record_messages_are_the_same_without_libyaml(name: str) -> None:
    assert record_outcome(CORPUS[name]) == reference_record(name)


@needs_libyaml
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_libyaml_loads_the_same_value_or_fails(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The libyaml loader on its own: a success is the reference's value; anything else it
    must refuse (and `_load_yaml` then gives the reference's answer). Text the pre-check sends
    to the reference is not given to libyaml at all."""
    text = CORPUS[name]
    if files._LIBYAML_DIFFERS.search(text):
        monkeypatch.setattr(files, "_load_yaml_libyaml", None)
        assert outcome(files._load_yaml, text) == reference(name)
        return
    c_side = outcome(files._load_yaml_libyaml, text)
    assert c_side[0] == "refused" or c_side == reference(name)


@needs_libyaml
@pytest.mark.parametrize(
    "name",
    [
        "tab after a colon",
        "tab in flow",
        "BOM after line separators",
        "comment right after a block scalar header",
    ],
)
def test_text_libyaml_reads_otherwise_is_left_to_the_reference(name: str) -> None:
    """Why the pre-check exists: libyaml loads these, and not as the reference does."""
    text = CORPUS[name]
    c_side = outcome(files._load_yaml_libyaml, text)
    assert c_side[0] == "loaded"
    assert c_side != reference(name)
    assert files._LIBYAML_DIFFERS.search(text)


#: valid texts libyaml refuses (a \\ud800 escape, %YAML 1.3): the reference loads them
LIBYAML_REFUSES = {"surrogate escape", "YAML 1.3 directive"}


@needs_libyaml
@pytest.mark.parametrize("name", sorted(LIBYAML_REFUSES))
def test_valid_text_libyaml_refuses_is_loaded_by_the_reference(name: str) -> None:
    assert outcome(files._load_yaml_libyaml, VALID[name])[0] == "refused"
    assert outcome(files._load_yaml, VALID[name]) == reference(name)
    assert reference(name)[0] == "loaded"


@needs_libyaml
@pytest.mark.parametrize(
    "name",
    [
        name
        for name in sorted(VALID)
        if name not in LIBYAML_REFUSES and not files._LIBYAML_DIFFERS.search(VALID[name])
    ],
)
def test_libyaml_reads_the_valid_texts_itself(name: str) -> None:
    """The speed-up is real: these are read by libyaml, the reference is not asked."""
    assert outcome(files._load_yaml_libyaml, VALID[name])[0] == "loaded"


@needs_libyaml
@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_shipped_record_is_read_by_libyaml_alike(
    path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    expected = outcome(files._load_yaml_python, text)
    assert outcome(files._load_yaml_libyaml, text) == expected
    monkeypatch.setattr(files, "_load_yaml_python", None)  # no fallback to hide a failure
    assert outcome(files._load_yaml, text) == expected


@needs_libyaml
@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("nested one too deep", f"nested more than {MAX_YAML_DEPTH} levels deep"),
        ("nested to the limit, one more empty", f"nested more than {MAX_YAML_DEPTH} levels"),
        ("alias one too deep", f"nested more than {MAX_YAML_DEPTH} levels deep"),
        ("block mappings 200 deep", f"nested more than {MAX_YAML_DEPTH} levels deep"),
        ("block mappings 41 deep", f"nested more than {MAX_YAML_DEPTH} levels deep"),
        ("billion laughs", f"more than {MAX_YAML_VALUES:,} values"),
        ("laughs over the limit", f"more than {MAX_YAML_VALUES:,} values"),
        ("recursive sequence", "recursive alias"),
        ("recursive mapping", "recursive alias"),
        ("recursive key", "recursive alias"),
    ],
)
def test_the_guards_hold_in_the_libyaml_loader_itself(name: str, problem: str) -> None:
    """Not only through the fallback: the libyaml loader refuses these with the reference's
    own words, before it builds anything from them."""
    text = CORPUS[name]
    with pytest.raises(files._YamlRefused) as info:
        files._load_yaml_libyaml(text)
    assert problem in str(info.value)
    assert reference(name) == ("refused", "_YamlRefused", str(info.value))


def test_a_file_nested_100000_deep_is_refused_in_todays_line() -> None:
    """libyaml stops at its own nesting limit (a ScannerError), the pure-Python loader answers
    (out of CORPUS: that answer takes the pure-Python scanner a second or so)."""
    with pytest.raises(RecordError) as info:
        parse_record_text(nested(100_000), "deep.yaml")
    assert (
        str(info.value) == f"deep.yaml: the YAML is nested more than {MAX_YAML_DEPTH} levels deep"
    )


@needs_libyaml
@pytest.mark.parametrize("depth", [MAX_YAML_DEPTH, 500, 100_000])
def test_libyaml_on_a_deep_file_fails_without_recursing(depth: int) -> None:
    """libyaml parses with its own stack, and the nodes are built iteratively: a hostile depth
    is an exception (our limit, or libyaml's own further down), never a RecursionError or a
    crash, and nothing is built from it."""
    with pytest.raises(Exception) as info:
        files._load_yaml_libyaml(nested(depth))
    assert not isinstance(info.value, RecursionError)
    if depth < 1000:
        assert str(info.value) == f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep"


DIFFERENT = [
    "\t", "\t- ", ":\t", "-\t", "?\t", " \t", "\n\t", "\ufeff", "\x85", "\u2028", "\u2029",
    "\\ud800", "! ", "!<!> ", "|#", ">-#", "|2+#", "%YAML 1.3\n---", "k" * 1030 + ":",
]  # fmt: skip
COMPARED = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_agree(text: str) -> None:
    expected = outcome(files._load_yaml_python, text)
    if files.LIBYAML and not files._LIBYAML_DIFFERS.search(text):
        c_side = outcome(files._load_yaml_libyaml, text)
        if c_side[0] == "loaded":  # what _load_yaml returns
            assert c_side == expected, text
            return
    assert outcome(files._load_yaml, text) == expected


@COMPARED
@given(st.one_of(glued(YAML_TOKENS), glued(YAML_TOKENS + DIFFERENT, 40), st.text(max_size=200)))
def test_loaders_agree_on_generated_text(text: str) -> None:
    check_agree(text)


@settings(COMPARED, max_examples=40)
@given(mutated(SHIPPED))
def test_loaders_agree_on_a_damaged_real_record(text: str) -> None:
    check_agree(text)


ALIASED = "a: &a [1, 2]\nb: [{}" + ", *a" * 64 + "]\n"  # 6 + 64 * 3 values, and the extra ones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (values(200), "loaded"),
        (values(201), "refused"),
        ("a: " + values(198), "loaded"),
        ("a: " + values(199), "refused"),
        (ALIASED.format("x"), "loaded"),
        (ALIASED.format("x, y"), "refused"),
    ],
    ids=["200", "201", "200 under a key", "201 under a key", "200 by aliases", "201 by aliases"],
)
def test_the_size_limit_counts_alike(
    text: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the limit and one past it, with and without aliases (a lower limit stands in for
    100,000: reading 100,000 values with the pure-Python loader takes seconds)."""
    monkeypatch.setattr(files, "MAX_YAML_VALUES", 200)
    reference = outcome(files._load_yaml_python, text)
    assert reference[0] == expected
    assert outcome(files._load_yaml, text) == reference
    if files.LIBYAML:
        assert outcome(files._load_yaml_libyaml, text) == reference
