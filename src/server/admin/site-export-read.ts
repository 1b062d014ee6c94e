/**
 * Reading one site for an export (JSON archive or workbook): in one snapshot, so a tablet pushing
 * meanwhile cannot make the counts disagree with the rows (and is not held back by the export), and
 * page by page, so 100k records are never all in memory as rows.
 */
import type { Transaction } from 'kysely'
import { PULLED_TABLES } from '@shared/sync/registry'
import type { ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import { findSite, type SiteRow } from '../repositories/sites'
import { recordsPage, siteTableNames, type StoredRow } from '../repositories/site-archive'
import { httpError } from '../http/http-error'
import { NO_SUCH_SITE } from './operations'

const PAGE = 1000

export async function siteToExport(db: ServerDb, siteId: string): Promise<SiteRow> {
  const site = await findSite(db.kysely, siteId)
  if (!site) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  return site
}

/** The site's tables in the registry's order, then any the registry does not name (kept, not lost). */
export async function tablesOf(trx: Transaction<Database>, siteId: string): Promise<string[]> {
  const present = new Set(await siteTableNames(trx, siteId))
  const known: readonly string[] = PULLED_TABLES
  return [...known.filter((t) => present.has(t)), ...[...present].filter((t) => !known.includes(t)).sort()]
}

/** Every stored row of `table`, in id order, a page at a time. */
export async function* pagesOf(trx: Transaction<Database>, siteId: string, table: string): AsyncGenerator<StoredRow[]> {
  let after = ''
  for (;;) {
    const page = await recordsPage(trx, siteId, table, after, PAGE)
    if (page.length === 0) return
    yield page
    after = page.at(-1)!.record_id
    if (page.length < PAGE) return
  }
}
