"""Reading a zip given to `popcorn import` (the `!export` zip), safely: nothing is extracted to
disk, every member is read into memory under a size cap, and a zip that is not a plain set of
record files is refused whole with one line naming the member.

Refused: a corrupt or encrypted zip, too many members, a name that is absolute or climbs out
(`../`), a symlink, a zip inside the zip, a member (or all of them together) bigger than the
caps whatever its header claims (a zip bomb), two members of the same name, anything that is
not a YAML record or the backup file. A member that is not UTF-8, or not a valid record, is
refused by bot.records.files as a file on disk would be, named `<zip>:<member>`."""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from bot.records.files import MAX_FILE_BYTES, RECORD_SUFFIXES, LoadedRecord, RecordError, load_bytes

ARCHIVE_SUFFIXES = (".zip",)
MAX_ARCHIVE_BYTES = 200_000_000  # the zip file itself
MAX_MEMBERS = 100_000  # files and folders in it
MAX_BACKUP_BYTES = 100_000_000  # the backup file, uncompressed
MAX_TOTAL_BYTES = 500_000_000  # every member together, uncompressed
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


@dataclass(slots=True)
class ArchiveContent:
    """The validated records of a zip, and its backup file's text (source, text) if it has one."""

    records: list[LoadedRecord]
    backup: tuple[str, str] | None


def is_archive(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ARCHIVE_SUFFIXES


def _declared_members(handle: BinaryIO, size: int) -> int | None:
    """The member count the zip's end record declares, read before zipfile lists them all (a
    small zip can declare millions); None when it does not say (zip64: zipfile is asked)."""
    tail = min(size, 65_557)  # the end record (22 bytes) and a comment of up to 64 KiB
    handle.seek(size - tail)
    data = handle.read(tail)
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) - at < 22:
        return None
    (count,) = struct.unpack("<H", data[at + 10 : at + 12])
    return None if count == 0xFFFF else int(count)


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member's entry (before reading it) is refused, or None."""
    name = info.filename
    parts = PurePosixPath(name).parts
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return "an absolute name or a Windows path: refused"
    if ".." in parts:
        return "a name that climbs out of the folder (..): refused"
    if "\x00" in name:
        return "a name with a NUL character: refused"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "a symbolic link: refused"
    if info.flag_bits & 0x1:
        return "encrypted: refused"
    if info.is_dir():
        return None
    if PurePosixPath(name).suffix.lower() in ARCHIVE_SUFFIXES:
        return "a zip inside the zip: import it on its own"
    return None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, source: str) -> bytes:
    """At most `cap` bytes of a member, decompressed as read: a header that lies about the
    size does not matter."""
    megabytes = f"{cap / 1_000_000:g} MB"
    if info.file_size > cap:
        raise RecordError(source, f"the file is over {megabytes}")
    with archive.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise RecordError(source, f"the file is over {megabytes}")
    return data


def read_archive(path: Path, backup_name: str) -> ArchiveContent:
    """Every record of the zip, validated, and the text of its backup file (`backup_name`, at
    any folder depth). A RecordError (one line) for anything refused; nothing is written."""
    zip_source = str(path)
    size = path.stat().st_size
    if size > MAX_ARCHIVE_BYTES:
        raise RecordError(zip_source, f"the zip is over {MAX_ARCHIVE_BYTES // 1_000_000} MB")
    try:
        with path.open("rb") as handle:
            declared = _declared_members(handle, size)
            if declared is not None and declared > MAX_MEMBERS:
                raise RecordError(zip_source, f"the zip holds more than {MAX_MEMBERS:,} files")
            handle.seek(0)
            with zipfile.ZipFile(handle) as archive:
                return _read_members(archive, zip_source, backup_name)
    except RecordError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        detail = " ".join(str(exc).split())[:120]
        raise RecordError(zip_source, f"not a readable zip file ({detail})") from None


def _read_members(archive: zipfile.ZipFile, zip_source: str, backup_name: str) -> ArchiveContent:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise RecordError(zip_source, f"the zip holds more than {MAX_MEMBERS:,} files")
    seen: set[str] = set()
    for info in infos:  # every entry checked before any is read
        source = f"{zip_source}:{info.filename}"
        problem = _member_problem(info)
        if problem is not None:
            raise RecordError(source, problem)
        if info.filename in seen:
            raise RecordError(source, "the zip holds two files of this name")
        seen.add(info.filename)
        if info.is_dir():
            continue
        name = PurePosixPath(info.filename).name
        if name != backup_name and PurePosixPath(name).suffix.lower() not in RECORD_SUFFIXES:
            known = ", ".join(RECORD_SUFFIXES)
            raise RecordError(
                source, f"not a record file ({known}) or the backup file ({backup_name})"
            )
    records: list[LoadedRecord] = []
    backup: tuple[str, str] | None = None
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        source = f"{zip_source}:{info.filename}"
        is_backup = PurePosixPath(info.filename).name == backup_name
        data = _read_member(
            archive, info, MAX_BACKUP_BYTES if is_backup else MAX_FILE_BYTES, source
        )
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise RecordError(
                zip_source, f"the files in the zip add up to over {MAX_TOTAL_BYTES // 1_000_000} MB"
            )
        if data.startswith(_ZIP_MAGIC):
            raise RecordError(source, "a zip inside the zip: import it on its own")
        if is_backup:
            if backup is not None:
                raise RecordError(source, f"a second backup file (first: {backup[0]})")
            try:
                backup = (source, data.decode("utf-8"))
            except UnicodeDecodeError:
                raise RecordError(source, "the file is not UTF-8 text") from None
            continue
        records.extend(load_bytes(data, source))
    return ArchiveContent(records, backup)


__all__ = ["ARCHIVE_SUFFIXES", "ArchiveContent", "is_archive", "read_archive"]
