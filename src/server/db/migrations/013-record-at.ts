import { sql, type Kysely } from 'kysely'

/**
 * The instant a record is counted at in a period (issue 16: statistics of a week, a month, a year), kept
 * beside it so a period is read by an index range instead of the whole site: a request's `receivedAt`, a
 * duty entry's and an inspection's `at`, a handover's `shiftStartsAt`; null for every other table.
 * `putRecord` and `insertStoredRows` keep it (repositories/record-instant.ts holds the same list; this copy
 * is frozen with the migration). Records stored before it are filled here, a page at a time, with a
 * `case` update both databases run.
 *
 * `statistics_watch`: the requests that may still be open in the statistics' sense (unresolved, or resolved
 * with the return visit outstanding — wider than the rules pass's `notify_watch`, which lets a repair go once
 * its result is in): kept like `notify_watch` by every change of a request or its timeline, a row removed by
 * a statistics read that found the request settled at the number it read. Filled with every request stored.
 */
const FIELDS: Record<string, string> = { receptions: 'receivedAt', dutyEntries: 'at', handovers: 'shiftStartsAt', inspections: 'at', nonconformities: 'at' }
const PAGE = 400

interface Row {
  site_id: string
  record_id: string
  data: string
}

// The migration runs on a database of no declared shape (Kysely<unknown>): its rows are typed here.
interface Tables {
  records: Row & { table_name: string; at: number | null }
}

export async function up(raw: Kysely<unknown>): Promise<void> {
  await raw.schema.alterTable('records').addColumn('at', 'bigint').execute()
  await raw.schema.createIndex('records_site_table_at').on('records').columns(['site_id', 'table_name', 'at']).execute()
  await raw.schema
    .createTable('statistics_watch')
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reception_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('statistics_watch_pk', ['site_id', 'reception_id'])
    .execute()
  await sql`insert into statistics_watch (site_id, reception_id, seq) select site_id, record_id, seq from records where table_name = 'receptions'`.execute(raw)
  const db = raw as unknown as Kysely<Tables>
  for (const [table, field] of Object.entries(FIELDS)) {
    let after = { site: '', id: '' }
    for (;;) {
      const rows = await db
        .selectFrom('records')
        .select(['site_id', 'record_id', 'data'])
        .where('table_name', '=', table)
        .where((eb) => eb.or([eb('site_id', '>', after.site), eb.and([eb('site_id', '=', after.site), eb('record_id', '>', after.id)])]))
        .orderBy('site_id')
        .orderBy('record_id')
        .limit(PAGE)
        .execute()
      if (!rows.length) break
      const bySite = new Map<string, { id: string; at: number }[]>()
      for (const r of rows) {
        const at = (JSON.parse(r.data) as Record<string, unknown>)[field]
        if (typeof at === 'number') bySite.set(r.site_id, [...(bySite.get(r.site_id) ?? []), { id: r.record_id, at }])
      }
      for (const [site, values] of bySite) {
        await db
          .updateTable('records')
          // The cast: PostgreSQL would take the bound numbers of a bare `case` for text.
          .set({ at: sql<number>`case ${sql.join(values.map((v) => sql`when record_id = ${v.id} then cast(${v.at} as bigint)`), sql` `)} end` })
          .where('site_id', '=', site)
          .where('table_name', '=', table)
          .where('record_id', 'in', values.map((v) => v.id))
          .execute()
      }
      const last = rows.at(-1)!
      after = { site: last.site_id, id: last.record_id }
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('statistics_watch').execute()
  await db.schema.dropIndex('records_site_table_at').execute()
  await db.schema.alterTable('records').dropColumn('at').execute()
}
