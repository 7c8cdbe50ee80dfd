"""`export`: the whole database as record files, with the removed reviews and the history."""

from __future__ import annotations

import io
import json
import zipfile

from bot.answers.context import AnswerContext
from bot.answers.types import Answer, FileAnswer, Request
from bot.db.exporter import BACKUP_FILE, export_backup, export_records


async def export_answer(ctx: AnswerContext, request: Request) -> Answer:
    files = await export_records(ctx.session)
    backup = json.dumps(await export_backup(ctx.session), ensure_ascii=False, indent=1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(files.items()):
            archive.writestr(f"reviews/{name}", text)
        archive.writestr(f"reviews/{BACKUP_FILE}", backup + "\n")  # removed reviews, history
    return FileAnswer(
        text=f"The whole database: {len(files)} record files, with the removed reviews and "
        "the history (unzip it and import the `reviews` folder with `popcorn import`).",
        filename="popcorn-export.zip",
        data=buffer.getvalue(),
    )
