import { sql, type Kysely } from 'kysely'

/**
 * `request_facts` (issue 16's benchmark): what the statistics need of each request that does not change with
 * the clock (`recordFacts` of shared/domain/statistics: corrections applied, status, resolution, the first
 * answer, the latest return visit), one row per live request, so a view reads these short rows by an index
 * instead of every request's record and timeline as JSON. `pending` is 1 while the request is not settled
 * (`settled`: unresolved, or resolved with its return visit outstanding), else null — the open-now rows by
 * their own index. `seq` is the `statistics_watch` number the row was worked out at: an older computation
 * never replaces a newer one. The manager's reason for closing unresolvable is not kept: the company view
 * never shows it (`companyFigures`), and a derived table holds no owner's words.
 *
 * Kept by the view itself, not by a push: `statistics_watch` now lists the requests whose facts are to be
 * worked out again (every change of a request or its timeline writes its row, as before); a view of a site
 * works out those, writes them here, and removes each watch row at the number it read. Every request stored
 * goes back on the list here (013's reader removed the settled ones), so the first view after the upgrade
 * works them all out once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_facts')
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reception_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('ref', 'varchar(80)', (c) => c.notNull())
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('channel', 'varchar(40)', (c) => c.notNull())
    .addColumn('status', 'varchar(40)', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .addColumn('answered_at', 'bigint')
    .addColumn('satisfaction', 'varchar(40)')
    .addColumn('visited', 'integer', (c) => c.notNull())
    .addColumn('pending', 'integer')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_facts_pk', ['site_id', 'reception_id'])
    .execute()
  await db.schema.createIndex('request_facts_received').on('request_facts').columns(['site_id', 'received_at']).execute()
  await db.schema.createIndex('request_facts_pending').on('request_facts').columns(['site_id', 'pending']).execute()
  // Rows still watched keep their (latest) number; the rest come back at their record's.
  await sql`insert into statistics_watch (site_id, reception_id, seq)
    select r.site_id, r.record_id, r.seq from records r
    where r.table_name = 'receptions' and r.deleted = 0
      and not exists (select 1 from statistics_watch w where w.site_id = r.site_id and w.reception_id = r.record_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_facts').execute()
}
