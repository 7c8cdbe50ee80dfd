"""A zip given to `popcorn import` (bot/records/archives.py): the `!export` zip is read as it is;
a hostile or broken zip is refused whole, with one line naming the zip (and the member), and
the database is left exactly as it was."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest

from bot.app import Popcorn
from bot.db.exporter import BACKUP_FILE
from bot.records import archives
from bot.records.archives import read_archive
from bot.records.files import MAX_FILE_BYTES, RecordError
from tests.answers.moderation.helpers import CON_AIR
from tests.db.test_storage import snapshot

BACKUP = '{"format": 2, "data_loaded": null, "removed_reviews": [], "history": []}\n'


def make_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(RecordError) as caught:
        read_archive(path, BACKUP_FILE)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_an_export_zip_gives_its_records_and_its_backup(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "x.zip",
        {"reviews/": b"", "reviews/con-air.yaml": CON_AIR, f"reviews/{BACKUP_FILE}": BACKUP},
    )
    content = read_archive(path, BACKUP_FILE)
    assert [(item.source, item.record.slug, item.mode) for item in content.records] == [
        (f"{path}:reviews/con-air.yaml", "con-air-1997", "replace")
    ]
    assert content.backup == (f"{path}:reviews/{BACKUP_FILE}", BACKUP)


def test_a_zip_without_a_backup_is_records_only(tmp_path: Path) -> None:
    content = read_archive(make_zip(tmp_path / "x.zip", {"con-air.yaml": CON_AIR}), BACKUP_FILE)
    assert len(content.records) == 1 and content.backup is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../evil.yaml", "a name that climbs out of the folder (..): refused"),
        ("reviews/../../evil.yaml", "a name that climbs out of the folder (..): refused"),
        ("/etc/evil.yaml", "an absolute name or a Windows path: refused"),
        ("C:/evil.yaml", "an absolute name or a Windows path: refused"),
        ("reviews\\evil.yaml", "an absolute name or a Windows path: refused"),
        ("reviews/inner.zip", "a zip inside the zip: import it on its own"),
        ("reviews/notes.txt", "not a record file (.yaml, .yml) or the backup file"),
    ],
)
def test_unsafe_or_unknown_names_are_refused(tmp_path: Path, name: str, problem: str) -> None:
    path = make_zip(tmp_path / "x.zip", {"a.yaml": CON_AIR, name: b"film: {}"})
    assert refusal(path).startswith(f"{path}:{name}: {problem}")


def test_a_symlink_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("reviews/link.yaml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    assert refusal(path) == f"{path}:reviews/link.yaml: a symbolic link: refused"


def test_a_zip_inside_the_zip_is_refused_by_its_content_too(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.yaml", CON_AIR)
    path = make_zip(tmp_path / "x.zip", {"disguised.yaml": inner.getvalue()})
    assert refusal(path) == f"{path}:disguised.yaml: a zip inside the zip: import it on its own"


def test_a_zip_bomb_member_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    # 50 MB of zeros compress to ~50 KB: the cap stops it, whatever it would expand to.
    path = make_zip(tmp_path / "x.zip", {"bomb.yaml": b"0" * 50_000_000})
    assert path.stat().st_size < 200_000
    assert refusal(path) == f"{path}:bomb.yaml: the file is over {MAX_FILE_BYTES / 1e6:g} MB"


def test_a_member_bigger_than_its_header_says_is_refused(tmp_path: Path) -> None:
    data = bytearray(make_zip(tmp_path / "x.zip", {"a.yaml": CON_AIR}).read_bytes())
    # The headers claim 10 bytes (local header and central directory): reading stops there.
    data[22:26] = (10).to_bytes(4, "little")
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path = tmp_path / "y.zip"
    path.write_bytes(bytes(data))
    assert refusal(path) == f"{path}: not a readable zip file (Bad CRC-32 for file 'a.yaml')"


def test_the_members_together_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_TOTAL_BYTES", 2 * len(CON_AIR) - 1)
    other = CON_AIR.replace("Con Air", "Con Air Two")
    path = make_zip(tmp_path / "x.zip", {"a.yaml": CON_AIR, "b.yaml": other})
    assert refusal(path) == f"{path}: the files in the zip add up to over 0 MB"


def test_too_many_members_are_refused_before_they_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBERS", 3)
    path = make_zip(tmp_path / "x.zip", {f"{n}.yaml": CON_AIR for n in range(4)})
    listed: list[object] = []

    def infolist(self: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
        listed.append(self)
        return []

    monkeypatch.setattr(zipfile.ZipFile, "infolist", infolist)
    assert refusal(path) == f"{path}: the zip holds more than 3 files"
    assert listed == []  # refused from the zip's end record, before zipfile lists members


def test_a_big_zip_file_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_ARCHIVE_BYTES", 10)
    path = make_zip(tmp_path / "x.zip", {"a.yaml": CON_AIR})
    assert refusal(path) == f"{path}: the zip is over 0 MB"


def test_a_member_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "x.zip", {"reviews/a.yaml": "title: caf\xe9".encode("latin-1")})
    assert refusal(path) == f"{path}:reviews/a.yaml: the file is not UTF-8 text"
    path = make_zip(tmp_path / "y.zip", {f"reviews/{BACKUP_FILE}": b"\xff\xfe{}"})
    assert refusal(path) == f"{path}:reviews/{BACKUP_FILE}: the file is not UTF-8 text"


def test_two_members_of_one_name_and_two_backups_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(path, "w") as archive,
    ):
        archive.writestr("a.yaml", CON_AIR)
        archive.writestr("a.yaml", CON_AIR)
    assert refusal(path) == f"{path}:a.yaml: the zip holds two files of this name"
    path = make_zip(tmp_path / "y.zip", {f"a/{BACKUP_FILE}": BACKUP, f"b/{BACKUP_FILE}": BACKUP})
    assert refusal(path) == (
        f"{path}:b/{BACKUP_FILE}: a second backup file (first: {path}:a/{BACKUP_FILE})"
    )


def test_an_encrypted_member_is_refused(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "x.zip", {"a.yaml": CON_AIR})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag in the local header and in the central directory entry.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    assert refusal(path) == f"{path}:a.yaml: encrypted: refused"


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_corrupt_zip_is_one_line(tmp_path: Path, cut: float) -> None:
    whole = make_zip(tmp_path / "whole.zip", {"a.yaml": CON_AIR}).read_bytes()
    path = tmp_path / "x.zip"
    path.write_bytes(whole[: int(len(whole) * cut)])
    assert refusal(path).startswith(f"{path}: not a readable zip file (")


def test_a_damaged_member_is_one_line(tmp_path: Path) -> None:
    data = bytearray(make_zip(tmp_path / "x.zip", {"a.yaml": CON_AIR * 3}).read_bytes())
    data[40:60] = b"\x00" * 20  # inside the compressed data
    path = tmp_path / "y.zip"
    path.write_bytes(bytes(data))
    assert refusal(path).startswith(f"{path}: not a readable zip file (")


def test_text_named_zip_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_text("not a zip at all")
    assert refusal(path) == f"{path}: not a readable zip file (File is not a zip file)"


async def test_a_hostile_zip_changes_nothing_in_the_database(app: Popcorn, tmp_path: Path) -> None:
    before = await snapshot(app.engine)
    good = CON_AIR.replace("Con Air", "A Film Never Seen")
    path = make_zip(tmp_path / "x.zip", {"a.yaml": good, "../b.yaml": CON_AIR})
    with pytest.raises(RecordError, match=r"climbs out"):
        await app.import_paths([path])
    # A good zip with a bad backup: the records are not written either.
    path = make_zip(tmp_path / "y.zip", {"a.yaml": good, BACKUP_FILE: '{"format": 99}'})
    with pytest.raises(RecordError, match=r"not a backup file of format 1 or 2"):
        await app.import_paths([path])
    assert await snapshot(app.engine) == before
    assert written_yaml(tmp_path) == written_yaml(Path.cwd()) == []  # nothing extracted


def written_yaml(folder: Path) -> list[Path]:
    return [path for path in folder.glob("*.yaml") if path.name in ("a.yaml", "b.yaml")]
