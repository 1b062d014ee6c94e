/** What the console shows of a site's exports, and the name an export's file is saved under. */
import type { SiteExport } from '@shared/sync/admin-api'
import { localDate } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import { recentExports } from '../repositories/exports'
import { siteToExport } from './site-export-read'

/** How many of a site's exports the console lists. */
const RECENT = 20

export async function siteExports(db: ServerDb, siteId: string): Promise<SiteExport[]> {
  await siteToExport(db, siteId)
  return (await recentExports(db.kysely, siteId, RECENT)).map((e) => ({ at: e.at, by: e.adminUsername, format: e.format, withPhones: e.withPhones }))
}

/** `翠苑小区-数据导出-2026-12-02.json`: the site's name without characters a file name cannot hold. */
export function exportFileName(siteName: string, at: number, timezone: string, format: 'json' | 'xlsx'): string {
  const name = [...siteName].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim() || 'site'
  return `${name}-${format === 'json' ? '数据导出' : '台账'}-${localDate(at, timezone)}.${format}`
}
