/**
 * A site's data to take away (issue 12 point 7), on a site of 100,000 records on SQLite: the JSON
 * archive and the XLSX workbook built, and the archive imported into an empty database. Printed beside
 * baselines measured in the same run (reading the same rows page by page without building anything;
 * inserting the same rows without checking them), never asserted in tests. The heap figure is the
 * growth while building: the file is held once (its chunks), not twice.
 * Usage: npm run bench:export
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqlite, type ServerDb } from '@server/db/connection'
import { migrateToLatest } from '@server/db/migrate'
import { buildSiteArchive } from '@server/admin/site-export'
import { buildSiteWorkbook } from '@server/admin/site-export-xlsx'
import { importSiteArchive } from '@server/admin/site-import'
import { pagesOf } from '@server/admin/site-export-read'
import { inSiteSnapshot, insertStoredRows, type StoredRow } from '@server/repositories/site-archive'
import { createSite } from '@server/sync/enrolment'
import { setChangeSeq } from '@server/repositories/sites'
import { newId } from '@shared/domain/ids'
import { formatHlc } from '@shared/sync/hlc'
import { row } from './stats'

const N = Number(process.env.BENCH_N ?? 100_000)
const NOW = Date.UTC(2026, 11, 2, 2)

function fresh(): { db: ServerDb; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-export-bench-'))
  return { db: openSqlite(path.join(dir, 'deskbook.sqlite')), dir }
}

/** Half requests (with their owners' phones), half customers: the register and the archive, as a busy site holds them. */
function rows(siteId: string, staffId: string, firstSeq: number): { table: string; rows: StoredRow[] }[] {
  const receptions: StoredRow[] = []
  const customers: StoredRow[] = []
  for (let i = 0; i < N; i++) {
    const id = newId()
    const at = NOW - (N - i) * 60_000
    const phone = `138${String(10_000_000 + i).slice(-8)}`
    const data =
      i % 2
        ? { id, siteId, roomId: newId(), name: `王建${i}`, honorific: 'mr', relation: 'owner', phones: [phone], moveInDate: '2020-05-01', note: '有车位', active: true }
        : { id, siteId, ref: `20261201-A${String(i).padStart(5, '0')}`, receivedAt: at, channel: 'phone', receiverId: staffId, relayedBy: '', room: '3-2-1101', roomId: null, customerId: null, customerName: `陈丽${i}`, honorific: 'ms', phone, matter: '厨房水龙头漏水,请尽快安排师傅上门查看', category: 'repair', urgency: 'normal', createdAt: at }
    const stamp = formatHlc({ wall: at, counter: 0, node: 'bench' })
    const stored: StoredRow = { record_id: id, parent_id: null, data: JSON.stringify(data), field_hlc: JSON.stringify(Object.fromEntries(Object.keys(data).map((k) => [k, stamp]))), deleted: 0, seq: firstSeq + i, updated_at: at }
    ;(i % 2 ? customers : receptions).push(stored)
  }
  return [
    { table: 'receptions', rows: receptions },
    { table: 'customers', rows: customers },
  ]
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; heapMb: number }> {
  global.gc?.()
  const heap = process.memoryUsage().heapUsed
  const start = performance.now()
  const value = await fn()
  const ms = performance.now() - start
  return { ms, value, heapMb: (process.memoryUsage().heapUsed - heap) / 1024 / 1024 }
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

async function main(): Promise<void> {
  const source = fresh()
  await migrateToLatest(source.db)
  const { site, staffId } = await createSite(source.db, { name: '翠苑小区', timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' }, NOW)
  const seeded = rows(site.id, staffId, 1000)
  await source.db.kysely.transaction().execute(async (trx) => {
    for (const t of seeded) await insertStoredRows(trx, site.id, t.table, t.rows)
    await setChangeSeq(trx, site.id, 1000 + N)
  })
  const by = { id: newId(), username: 'admin' }
  const request = { siteId: site.id, by, now: NOW, serverVersion: 'bench' }

  const read = await timed(() =>
    inSiteSnapshot(source.db, async (trx) => {
      let n = 0
      for (const t of ['receptions', 'customers']) for await (const page of pagesOf(trx, site.id, t)) n += page.length
      return n
    }),
  )
  const archive = await timed(() => buildSiteArchive(source.db, { ...request, withPhones: true }))
  const workbook = await timed(() => buildSiteWorkbook(source.db, { ...request, withPhones: false }))
  const text = Buffer.concat(archive.value.chunks).toString('utf8')
  const parsed: unknown = JSON.parse(text)

  const target = fresh()
  await migrateToLatest(target.db)
  const imported = await timed(() => importSiteArchive(target.db, parsed, NOW))
  const baseline = fresh()
  await migrateToLatest(baseline.db)
  await createSite(baseline.db, { name: '基线', timezone: 'Asia/Shanghai', adminName: '王管理', adminPin: '2580' }, NOW)
  const otherSite = (await baseline.db.kysely.selectFrom('sites').select('id').executeTakeFirstOrThrow()).id
  const inserted = await timed(() =>
    baseline.db.kysely.transaction().execute(async (trx) => {
      for (const t of seeded) await insertStoredRows(trx, otherSite, t.table, t.rows)
    }),
  )

  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  console.log(`site export, ${N.toLocaleString()} records on SQLite (${os.cpus().length} cores)`)
  console.log(row('JSON archive built (with phones)', secs(archive.ms), secs(read.ms), 'none set', null))
  console.log(row('XLSX workbook built (phones masked)', secs(workbook.ms), secs(read.ms), 'none set', null))
  console.log(row('archive imported (checked, one transaction)', secs(imported.ms), secs(inserted.ms), 'none set', null))
  console.log(`files: archive ${mb(archive.value.bytes)} (JS heap grew ${archive.heapMb.toFixed(0)} MB while building; the file's chunks are outside it), workbook ${mb(workbook.value.bytes)} (heap grew ${workbook.heapMb.toFixed(0)} MB)`)
  console.log(`baselines: reading the same rows page by page in one snapshot (${read.value} rows); inserting the same rows unchecked`)
  for (const d of [source, target, baseline]) {
    await d.db.close()
    fs.rmSync(d.dir, { recursive: true, force: true })
  }
}

await main()
