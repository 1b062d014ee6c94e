/**
 * One site's data as a JSON archive (issue 12 point 7; format in site-export-format.ts). The body is
 * built once, as UTF-8 chunks a page of records at a time, inside one snapshot; the manifest with each
 * table's count and checksum goes first, so a reader checks it before anything else. Every export is
 * recorded (who, when, phones or not — never the content) before it is handed out.
 */
import type { ServerDb } from '../db/connection'
import { listDevices, type DeviceRow } from '../repositories/devices'
import { recordSiteExport } from './export-trail'
import { findSite } from '../repositories/sites'
import { inSiteSnapshot, type StoredRow } from '../repositories/site-archive'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, maskedData, SectionSum, type ArchivedDevice, type ArchivedRow, type Manifest, type Section } from './site-export-format'
import { pagesOf, siteToExport, tablesOf } from './site-export-read'

export interface ExportRequest {
  siteId: string
  /** Owners' phones in full: only when the administrator asked for them. */
  withPhones: boolean
  by: { id: string; username: string }
  now: number
  serverVersion: string
}

/** The whole file, in order (the archive's manifest first), and what its name is made of. */
export interface BuiltFile {
  siteName: string
  timezone: string
  chunks: Buffer[]
  bytes: number
}

export interface BuiltArchive extends BuiltFile {
  manifest: Manifest
}

function archivedRow(r: StoredRow, table: string, withPhones: boolean): ArchivedRow {
  const data = JSON.parse(r.data) as Record<string, unknown>
  return {
    id: r.record_id,
    parentId: r.parent_id,
    seq: Number(r.seq),
    updatedAt: Number(r.updated_at),
    deleted: r.deleted === 1,
    data: withPhones ? data : maskedData(table, data),
    fieldHlc: JSON.parse(r.field_hlc) as Record<string, string>,
  }
}

function archivedDevice(d: DeviceRow): ArchivedDevice {
  return {
    id: d.id,
    letter: d.letter,
    name: d.name,
    kind: d.kind,
    departmentId: d.department_id,
    founder: d.founder === 1,
    setupAt: d.setup_at === null ? null : Number(d.setup_at),
    createdAt: Number(d.created_at),
    lastSeenAt: d.last_seen_at === null ? null : Number(d.last_seen_at),
    revokedAt: d.revoked_at === null ? null : Number(d.revoked_at),
  }
}

/** A JSON array written line by line into `chunks`, each line summed; the lines may come a page at a time. */
class ArrayWriter {
  readonly sum = new SectionSum()
  constructor(private readonly chunks: Buffer[]) {}

  write(items: readonly { line: string; deleted: boolean }[]): void {
    if (items.length === 0) return
    const first = this.sum.count === 0
    for (const i of items) this.sum.add(i.line, i.deleted)
    this.chunks.push(Buffer.from((first ? '\n' : ',\n') + items.map((i) => i.line).join(',\n')))
  }

  close(): Section {
    this.chunks.push(Buffer.from(this.sum.count ? '\n]' : ']'))
    return this.sum.done()
  }
}

export async function buildSiteArchive(db: ServerDb, req: ExportRequest): Promise<BuiltArchive> {
  const siteRow = await siteToExport(db, req.siteId)
  const body: Buffer[] = []
  // Recorded first, so the archive holds its own entry of the access trail (issue 14 point 2).
  await recordSiteExport(db, { siteId: req.siteId, adminId: req.by.id, adminUsername: req.by.username, format: 'json', withPhones: req.withPhones, at: req.now })
  const { site, devices, tables } = await inSiteSnapshot(db, async (trx) => {
    // The site's change counter as of the snapshot: the import carries on numbering after it.
    const site = (await findSite(trx, req.siteId)) ?? siteRow
    body.push(Buffer.from(`,\n"site":${JSON.stringify({ id: site.id, name: site.name, timezone: site.timezone, createdAt: Number(site.created_at), changeSeq: Number(site.change_seq) })},\n"devices":[`))
    const deviceWriter = new ArrayWriter(body)
    deviceWriter.write((await listDevices(trx, req.siteId)).map((d) => ({ line: JSON.stringify(archivedDevice(d)), deleted: d.revoked_at !== null })))
    const devices = deviceWriter.close()
    body.push(Buffer.from(',\n"tables":{'))
    const tables: Record<string, Section> = {}
    for (const [i, table] of (await tablesOf(trx, req.siteId)).entries()) {
      body.push(Buffer.from(`${i ? ',' : ''}\n${JSON.stringify(table)}:[`))
      const writer = new ArrayWriter(body)
      for await (const page of pagesOf(trx, req.siteId, table)) {
        writer.write(page.map((r) => ({ line: JSON.stringify(archivedRow(r, table, req.withPhones)), deleted: r.deleted === 1 })))
      }
      tables[table] = writer.close()
    }
    body.push(Buffer.from('\n}}\n'))
    return { site, devices, tables }
  })
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    serverVersion: req.serverVersion,
    exportedAt: req.now,
    exportedBy: req.by.username,
    phones: req.withPhones,
    site: { id: site.id, name: site.name, timezone: site.timezone },
    devices,
    tables,
  }
  const chunks = [Buffer.from(`{"manifest":${JSON.stringify(manifest)}`), ...body]
  return { manifest, siteName: site.name, timezone: site.timezone, chunks, bytes: chunks.reduce((n, c) => n + c.length, 0) }
}
