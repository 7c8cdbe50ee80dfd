"""The session's PostgreSQL scratch databases for the tests (tests/conftest.py
`scratch_databases`): empty or seeded copies (`CREATE DATABASE ... TEMPLATE`), made ahead on a
background thread, and given back after a test to be made a fresh one of their kind again in
place (rows and sequences restored) rather than dropped: each DROP DATABASE forces a checkpoint
of the whole server. A copy whose shape a test changed is dropped
(tests/db/test_scratch_reuse.py checks a reused copy equals a new one)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.engine import make_url

from bot.app import Popcorn
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from tests.helpers import make_settings

T = TypeVar("T")

#: The shape of a PostgreSQL database: every object of its own schemas (tables, columns,
#: constraints, indexes, sequences, views, functions, types, ...), extensions, its settings.
#: Two databases of the same shape and the same rows are interchangeable for a test.
SHAPE_SQL = r"""
WITH ns AS (
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND nspname !~ '^pg_(toast_)?temp_'
), rel AS (
    SELECT c.oid, ns.nspname || '.' || c.relname AS name
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
)
SELECT concat_ws(' ', 'schema', nspname, pg_get_userbyid(n.nspowner), n.nspacl::text,
                 obj_description(n.oid, 'pg_namespace'))
FROM pg_namespace n JOIN ns USING (nspname)
UNION ALL
SELECT concat_ws(' ', 'relation', rel.name, c.relkind, c.relpersistence, c.relrowsecurity,
                 c.relforcerowsecurity, c.reloptions::text, c.relacl::text,
                 pg_get_userbyid(c.relowner), c.relispartition, pg_get_expr(c.relpartbound, c.oid))
FROM pg_class c JOIN rel USING (oid)
UNION ALL
SELECT concat_ws(' ', 'column', rel.name, a.attnum, a.attname, a.attisdropped,
                 format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                 a.attgenerated, a.attcollation, a.attacl::text, a.attoptions::text,
                 pg_get_expr(d.adbin, d.adrelid))
FROM pg_attribute a JOIN rel ON rel.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0
UNION ALL
SELECT concat_ws(' ', 'constraint', ns.nspname, co.conname, co.conrelid::regclass::text,
                 co.contypid::regtype::text, pg_get_constraintdef(co.oid))
FROM pg_constraint co JOIN ns ON ns.oid = co.connamespace
UNION ALL
SELECT concat_ws(' ', 'index', pg_get_indexdef(i.indexrelid), i.indisclustered,
                 i.indisreplident)
FROM pg_index i JOIN rel ON rel.oid = i.indrelid
UNION ALL
SELECT concat_ws(' ', 'trigger', pg_get_triggerdef(t.oid), t.tgenabled)
FROM pg_trigger t JOIN rel ON rel.oid = t.tgrelid WHERE NOT t.tgisinternal
UNION ALL
SELECT concat_ws(' ', 'rule', rel.name, r.rulename, r.ev_enabled, pg_get_ruledef(r.oid))
FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class
UNION ALL
SELECT concat_ws(' ', 'policy', rel.name, p.polname, p.polcmd, p.polpermissive,
                 pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
FROM pg_policy p JOIN rel ON rel.oid = p.polrelid
UNION ALL
SELECT concat_ws(' ', 'function', ns.nspname, p.proname, p.prokind,
                 pg_get_function_identity_arguments(p.oid), md5(p.prosrc),
                 pg_get_function_result(p.oid), p.proacl::text)
FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
UNION ALL
SELECT concat_ws(' ', 'type', ns.nspname, t.typname, t.typtype,
                 format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
                 (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                  FROM pg_enum e WHERE e.enumtypid = t.oid))
FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
UNION ALL
SELECT concat_ws(' ', 'sequence', s.seqrelid::regclass::text, s.seqtypid::regtype::text,
                 s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle)
FROM pg_sequence s JOIN rel ON rel.oid = s.seqrelid
UNION ALL
SELECT concat_ws(' ', 'extension', x.extname, x.extversion, x.extnamespace::regnamespace::text,
                 x.extconfig::text, x.extcondition::text)
FROM pg_extension x
UNION ALL
SELECT concat_ws(' ', 'object', kind, ns.nspname, name)
FROM (
    SELECT 'collation', collnamespace, collname::text FROM pg_collation
    UNION ALL SELECT 'operator', oprnamespace, oprname::text FROM pg_operator
    UNION ALL SELECT 'opclass', opcnamespace, opcname::text FROM pg_opclass
    UNION ALL SELECT 'opfamily', opfnamespace, opfname::text FROM pg_opfamily
    UNION ALL SELECT 'conversion', connamespace, conname::text FROM pg_conversion
    UNION ALL SELECT 'statistics', stxnamespace, stxname::text FROM pg_statistic_ext
    UNION ALL SELECT 'ts_config', cfgnamespace, cfgname::text FROM pg_ts_config
    UNION ALL SELECT 'ts_dict', dictnamespace, dictname::text FROM pg_ts_dict
) AS o (kind, namespace, name) JOIN ns ON ns.oid = o.namespace
UNION ALL
SELECT concat_ws(' ', 'setting', s.setrole, s.setconfig::text)
FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
WHERE d.datname = current_database()
UNION ALL
SELECT concat_ws(' ', 'database', d.datacl::text, d.datallowconn, d.datconnlimit)
FROM pg_database d WHERE d.datname = current_database()
UNION ALL
SELECT concat_ws(' ', 'default acl', a.defaclrole, a.defaclnamespace, a.defaclobjtype,
                 a.defaclacl::text)
FROM pg_default_acl a
UNION ALL SELECT concat_ws(' ', 'event trigger', evtname, evtevent, evtenabled)
FROM pg_event_trigger
UNION ALL SELECT concat_ws(' ', 'cast', castsource, casttarget) FROM pg_cast WHERE oid >= 16384
UNION ALL SELECT concat_ws(' ', 'publication', pubname) FROM pg_publication
UNION ALL SELECT concat_ws(' ', 'server', srvname) FROM pg_foreign_server
UNION ALL SELECT concat_ws(' ', 'wrapper', fdwname) FROM pg_foreign_data_wrapper
UNION ALL SELECT concat_ws(' ', 'language', lanname) FROM pg_language
UNION ALL SELECT 'large objects ' || count(*) FROM pg_largeobject_metadata
"""
#: The other sessions on the database (what a test left connected is ended first).
OTHERS = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"


async def _shape(conn: Any) -> list[str]:
    return sorted(row[0] for row in await conn.fetch(SHAPE_SQL))


@dataclass
class Contents:
    """A database's shape and rows: what a used copy is given back to be that database again."""

    shape: list[str]
    #: quoted name -> (schema, table, its rows as a binary COPY)
    tables: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    sequences: dict[str, tuple[int, bool]] = field(default_factory=dict)  # (last_value, is_called)

    @classmethod
    async def read(cls, conn: Any) -> Contents:
        contents = cls(await _shape(conn))
        async with conn.transaction(isolation="repeatable_read", readonly=True):
            for table in await conn.fetch(
                "SELECT format('%I.%I', n.nspname, c.relname), n.nspname, c.relname"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                " AND n.nspname !~ '^pg_(toast_)?temp_'"
            ):
                rows = io.BytesIO()
                await conn.copy_from_table(
                    table[2], schema_name=table[1], output=rows, format="binary"
                )
                contents.tables[table[0]] = (table[1], table[2], rows.getvalue())
            for (name,) in await conn.fetch(
                "SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences"
            ):
                value = await conn.fetchrow(f"SELECT last_value, is_called FROM {name}")
                contents.sequences[name] = (value["last_value"], value["is_called"])
        return contents

    async def restore(self, conn: Any) -> bool:
        """Make the database at `conn` (this shape, other rows) hold these rows again, in one
        transaction; False (nothing done) when its shape is not this one."""
        async with conn.transaction():
            if await _shape(conn) != self.shape:
                return False
            if self.tables:
                # No trigger of the tables (foreign keys included) fires on the copy back.
                await conn.execute("SET LOCAL session_replication_role = replica")
                await conn.execute(f"TRUNCATE {', '.join(self.tables)}")
                for schema, table, rows in self.tables.values():
                    await conn.copy_to_table(
                        table, schema_name=schema, source=io.BytesIO(rows), format="binary"
                    )
            for name, (value, called) in self.sequences.items():
                await conn.execute("SELECT setval($1::regclass, $2, $3)", name, value, called)
        return True


async def _connect(url: str) -> Any:
    import asyncpg

    address = make_url(url)
    return await asyncpg.connect(
        host=address.host, port=address.port or 5432, user=address.username,
        password=address.password, database=address.database,
    )  # fmt: skip


class ScratchDatabases:
    """PostgreSQL databases for the tests, made on a thread of their own with its own event
    loop: the next database of each kind (empty, or a copy of the seeded template) is ready
    before the test asks. A test's database is not dropped after it (each DROP DATABASE is a
    checkpoint of the whole server, seconds on a busy machine): it is given back, made that
    kind of database again in place (its connections ended; the rows of the template copied
    back, or its public schema emptied) and used by a later test. Only a database whose shape
    the test changed (a table added, a column gone, an extension, ...) is dropped instead, and
    a new one made. `close` drops all that is left."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.free: dict[str | None, list[Future[tuple[str, str]]]] = {}
        self.kind: dict[str, str | None] = {}  # a database in a test's hands -> its kind
        self.contents: dict[str | None, Contents | None] = {}  # None: cannot be given back
        self.template_name: str | None = None

    def _submit(self, work: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(work, self.loop)

    async def _make(self, template: str | None) -> tuple[str, str]:
        name, url = await create_database(self.admin_url, "popcorn_test", template=template)
        if template is None and None not in self.contents:  # an empty database's contents
            self.contents[None] = await self._read(url)
        return name, url

    @staticmethod
    async def _read(url: str) -> Contents | None:
        """The contents of the database at `url` (None: unreadable, its copies are dropped
        after use)."""
        with contextlib.suppress(Exception):
            conn = await _connect(url)
            try:
                return await Contents.read(conn)
            finally:
                await conn.close()
        return None

    async def _again(self, name: str, template: str | None) -> tuple[str, str]:
        """The used database `name` made the `template` kind again, or (its shape changed,
        anything failed) dropped and a new one made."""
        url = make_url(to_async_url(self.admin_url)).set(database=name)
        url_text = url.render_as_string(hide_password=False)
        contents = self.contents.get(template)
        with contextlib.suppress(Exception):
            if contents is not None and await self._restore(url_text, template, contents):
                return name, url_text
        await drop_database(self.admin_url, name)
        return await self._make(template)

    @staticmethod
    async def _restore(url: str, template: str | None, contents: Contents) -> bool:
        conn = await _connect(url)
        try:
            await conn.execute(f"SELECT pg_terminate_backend(pid, 10000) {OTHERS}")
            if template is None:  # nothing kept: the public schema as a new database has it
                async with conn.transaction():
                    await conn.execute(
                        "DROP SCHEMA IF EXISTS public CASCADE;"
                        " CREATE SCHEMA public AUTHORIZATION pg_database_owner;"
                        " GRANT USAGE ON SCHEMA public TO PUBLIC;"
                        " COMMENT ON SCHEMA public IS 'standard public schema'"
                    )
            restored = await contents.restore(conn)
            return restored and await conn.fetchval(f"SELECT count(*) {OTHERS}") == 0
        finally:
            await conn.close()

    def seeded_template(self) -> str:
        """A database as the first `Popcorn.start` leaves it (migrated, data/ loaded)."""
        if self.template_name is None:

            async def build() -> str:
                name, url = await create_database(self.admin_url, "popcorn_tmpl")
                app = await Popcorn.start(make_settings(url))
                await app.close()
                self.contents[name] = await self._read(url)
                return name

            self.template_name = self._submit(build()).result()
        return self.template_name

    async def take(self, *, seeded: bool) -> tuple[str, str]:
        """A database of its own for a test, (name, async URL): empty, or (`seeded`) a copy
        of the template. `give_back` it after the test."""
        template = self.seeded_template() if seeded else None
        free = self.free.setdefault(template, [])
        for failed in [f for f in free if f.done() and f.exception() is not None]:
            free.remove(failed)  # not given back: a new one is made
        made = next((f for f in free if f.done()), free[0] if free else None)
        if made is None:
            made = self._submit(self._make(template))
        else:
            free.remove(made)
        if not free:  # the next test's, made meanwhile
            free.append(self._submit(self._make(template)))
        name, url = await asyncio.wrap_future(made)
        self.kind[name] = template
        return name, url

    def give_back(self, name: str) -> None:
        """The test is over: the database is made its kind again for a later test."""
        template = self.kind.pop(name)
        self.free[template].append(self._submit(self._again(name, template)))

    async def free_names(self, *, seeded: bool) -> list[str]:
        """The databases of that kind ready for the next tests, once every one given back is
        made ready again (tests/db/test_scratch_reuse.py)."""
        template = self.seeded_template() if seeded else None
        return [(await asyncio.wrap_future(f))[0] for f in self.free.get(template, [])]

    def close(self) -> None:
        names = list(self.kind)
        for free in self.free.values():
            for made in free:
                with contextlib.suppress(Exception):
                    names.append(made.result()[0])
        if self.template_name is not None:
            names.append(self.template_name)
        # At once: PostgreSQL's checkpoint for one DROP DATABASE serves those waiting with it.
        drops = [self._submit(drop_database(self.admin_url, name)) for name in names]
        for dropped in drops:
            with contextlib.suppress(Exception):
                dropped.result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()
