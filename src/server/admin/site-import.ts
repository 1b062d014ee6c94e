/**
 * A site's JSON archive (site-export.ts) put onto a server that does not have the site yet (issue 12
 * point 7): every check first — the manifest, each table's count and checksum, that every record is the
 * site's, that no phone is masked — then everything in one transaction, so a refused or failed import
 * writes nothing. Records keep their per-field stamps and change numbers: a tablet enrolled afterwards
 * pulls them all. The old devices come as revoked rows: their letters stay taken (reference numbers
 * carry them) but their tokens were never exported, so every tablet enrols again.
 */
import { randomUUID } from 'node:crypto'
import { Value } from '@sinclair/typebox/value'
import { PULLED_TABLES } from '@shared/sync/registry'
import type { ServerDb } from '../db/connection'
import type { DeviceRow } from '../repositories/devices'
import { existingDeviceIds, insertDeviceRows, insertStoredRows } from '../repositories/site-archive'
import { findSite, insertSite, setChangeSeq } from '../repositories/sites'
import { sha256 } from '../auth/secrets'
import { httpError } from '../http/http-error'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, holdsMaskedPhone, SectionSum, SiteArchiveSchema, type ArchivedDevice, type ArchivedRow, type Section, type SiteArchive } from './site-export-format'

export interface ImportResult {
  siteId: string
  name: string
  records: number
  devices: number
}

const refuse = (message: string): never => {
  throw httpError(400, 'BadArchive', message)
}

/** Sums the lines of `items` as the export wrote them and refuses when they differ from the manifest. */
function checkSection(what: string, items: readonly unknown[], deleted: (i: number) => boolean, expected: Section | undefined): void {
  if (!expected) refuse(`导入文件的清单缺少 ${what} (manifest does not describe ${what})`)
  const sum = new SectionSum()
  items.forEach((item, i) => sum.add(JSON.stringify(item), deleted(i)))
  const got = sum.done()
  if (got.count !== expected!.count) refuse(`${what} 的记录数与清单不符:清单 ${expected!.count},文件 ${got.count} (count mismatch in ${what})`)
  if (got.sha256 !== expected!.sha256 || got.deleted !== expected!.deleted) refuse(`${what} 的内容与清单的校验值不符,文件可能已损坏或被改动 (checksum mismatch in ${what})`)
}

function checkRows(archive: SiteArchive, table: string, rows: readonly ArchivedRow[], seqs: Set<number>): void {
  const siteId = archive.site.id
  const ids = new Set<string>()
  for (const r of rows) {
    if (ids.has(r.id)) refuse(`${table} 中有重复的记录 ${r.id} (duplicate record in ${table})`)
    ids.add(r.id)
    if (seqs.has(r.seq) || r.seq > archive.site.changeSeq) refuse(`${table} 中记录 ${r.id} 的变更号不正确 (bad change number in ${table})`)
    seqs.add(r.seq)
    const owner = table === 'sites' ? r.id : r.data.siteId
    if (owner !== undefined && owner !== siteId) refuse(`${table} 中记录 ${r.id} 属于另一个项目 (record of another site in ${table})`)
    if (holdsMaskedPhone(table, r.data)) refuse(MASKED)
  }
}

const MASKED =
  '这个导出文件中的业主电话已打码,导入后电话会变成 138****5678 这样无法拨打的号码,因此不能导入;请在原服务器导出时勾选“包含业主电话” (the archive has masked phones and cannot be imported: export it with phones)'

/** The archive, checked through; a 400 with a message for a person for anything wrong with it. */
export function checkArchive(value: unknown): SiteArchive {
  const head = (value as { manifest?: { format?: unknown; version?: unknown } } | null)?.manifest
  if (head?.format !== ARCHIVE_FORMAT) refuse('这不是 Deskbook 的项目导出文件 (not a Deskbook site archive)')
  if (typeof head?.version === 'number' && head.version > ARCHIVE_VERSION) refuse('导出文件来自更新版本的服务器,请先升级本服务器 (archive made by a newer server: upgrade this one first)')
  if (!Value.Check(SiteArchiveSchema, value)) {
    const e = Value.Errors(SiteArchiveSchema, value).First()
    refuse(`导入文件格式不正确 (invalid archive)${e ? `: ${e.path} ${e.message}` : ''}`)
  }
  const archive = value as SiteArchive
  const { manifest, site } = archive
  if (manifest.version !== ARCHIVE_VERSION) refuse('导出文件的版本不受支持 (unsupported archive version)')
  if (!manifest.phones) refuse(MASKED)
  if (manifest.site.id !== site.id) refuse('清单中的项目与文件内容不符 (manifest names another site)')
  const names = Object.keys(archive.tables)
  const unknown = [...names, ...Object.keys(manifest.tables)].find((t) => !(PULLED_TABLES as readonly string[]).includes(t))
  if (unknown) refuse(`本服务器不认识导出文件中的表 ${unknown},请先升级本服务器 (unknown table ${unknown}: upgrade this server)`)
  const missing = Object.keys(manifest.tables).find((t) => !names.includes(t))
  if (missing) refuse(`导入文件缺少清单中的 ${missing} (table ${missing} missing)`)
  checkSection('devices', archive.devices, (i) => archive.devices[i]!.revokedAt !== null, manifest.devices)
  const letters = new Set(archive.devices.map((d) => d.letter))
  if (letters.size !== archive.devices.length) refuse('导出文件中有重复的设备字母 (duplicate device letters)')
  const seqs = new Set<number>()
  for (const table of names) {
    const rows = archive.tables[table]!
    checkSection(table, rows, (i) => rows[i]!.deleted, manifest.tables[table])
    checkRows(archive, table, rows, seqs)
  }
  return archive
}

function deviceRow(siteId: string, d: ArchivedDevice, now: number): DeviceRow {
  return {
    id: d.id,
    site_id: siteId,
    letter: d.letter,
    name: d.name,
    // A hash of a token nobody holds: the old tablet cannot sign in here; it enrols again.
    token_hash: sha256(randomUUID()),
    founder: d.founder ? 1 : 0,
    setup_at: d.setupAt,
    created_at: d.createdAt,
    last_seen_at: d.lastSeenAt,
    revoked_at: d.revokedAt ?? now,
    kind: d.kind,
    department_id: d.departmentId,
    synced_generation: null,
  }
}

/** Recreates the site of `value` (an archive as parsed from JSON); refused when the site is on this server already. */
export async function importSiteArchive(db: ServerDb, value: unknown, now: number): Promise<ImportResult> {
  const archive = checkArchive(value)
  const { site } = archive
  await db.kysely.transaction().execute(async (trx) => {
    if (await findSite(trx, site.id)) throw httpError(409, 'SiteExists', `项目 ${site.name} 已经在这台服务器上,不能再导入 (site already on this server)`)
    if ((await existingDeviceIds(trx, archive.devices.map((d) => d.id))).length) throw httpError(409, 'DeviceExists', '导出文件中的平板已在这台服务器上登记 (devices of the archive already on this server)')
    await insertSite(trx, site, site.createdAt)
    await setChangeSeq(trx, site.id, site.changeSeq)
    await insertDeviceRows(trx, archive.devices.map((d) => deviceRow(site.id, d, now)))
    for (const [table, rows] of Object.entries(archive.tables)) {
      await insertStoredRows(
        trx,
        site.id,
        table,
        rows.map((r) => ({ record_id: r.id, parent_id: r.parentId, data: JSON.stringify(r.data), field_hlc: JSON.stringify(r.fieldHlc), deleted: r.deleted ? 1 : 0, seq: r.seq, updated_at: r.updatedAt })),
      )
    }
  })
  const records = Object.values(archive.tables).reduce((n, rows) => n + rows.length, 0)
  return { siteId: site.id, name: site.name, records, devices: archive.devices.length }
}
