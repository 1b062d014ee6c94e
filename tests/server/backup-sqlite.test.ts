/**
 * Backup and restore of the SQLite server (issue 12 point 1), as an administrator runs them: the real
 * compiled server in its own process takes pushes from a tablet while `npm run admin -- backup` (a
 * third process) copies the database; `restore` refuses while the server runs, and once it is stopped
 * puts the copy in place, keeps the replaced database and starts a new generation.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkSqliteFile } from '@server/db/backup'
import type { EnrolResponse, PushResponse } from '@shared/sync/protocol'
import { newId } from '@shared/domain/ids'
import { startServer, type RunningServer } from '../support/app-server'
import { admin, adminJson, runAdmin } from '../support/admin-run'
import { departmentPut, protocolHeaders, type TestDevice } from '../support/server-fixtures'

const BATCH = 20
const WRITER = 'backup-writer'

interface Copy {
  /** Per site: its change_seq and the highest seq of its records. */
  seqs: { change_seq: number; max_seq: number | null }[]
  writerRecords: number
  generation: string
  serverId: string
}

function readCopy(file: string): Copy {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const seqs = db.prepare('select s.change_seq, (select max(seq) from records r where r.site_id = s.id) as max_seq from sites s').all() as Copy['seqs']
    const { n } = db.prepare(`select count(*) as n from records where table_name = 'departments' and data like ?`).get(`%${WRITER}%`) as { n: number }
    const meta = new Map((db.prepare('select key, value from server_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]))
    return { seqs, writerRecords: n, generation: meta.get('generation')!, serverId: meta.get('server_id')! }
  } finally {
    db.close()
  }
}

describe('backup and restore on SQLite, through npm run admin', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-backup-'))
  const env = { DATA_DIR: path.join(root, 'data') }
  const copy = path.join(root, 'backups', 'copy.sqlite')
  const live = path.join(env.DATA_DIR, 'deskbook.sqlite')
  let server: RunningServer
  let tablet: TestDevice
  let adminStaffId: string
  let pushed = 0

  async function pushBatch(): Promise<void> {
    const mutations = Array.from({ length: BATCH }, (_, i) => departmentPut(tablet, adminStaffId, { id: newId(), name: `${WRITER} ${pushed + i}` }))
    const res = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { ...protocolHeaders(tablet.token), 'content-type': 'application/json' }, body: JSON.stringify({ mutations }) })
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as PushResponse
    expect(body.results.every((r) => r.status === 'applied')).toBe(true)
    pushed += BATCH
  }

  beforeAll(async () => {
    const init = await adminJson<{ site: { id: string; adminStaffId: string } }>(['init', '--username', 'admin', '--password-stdin', '--site', '翠苑小区', '--admin-name', '王管理', '--admin-pin', '2580'], env, 'correct-horse-1\n')
    adminStaffId = init.site.adminStaffId
    server = await startServer({ dataDir: env.DATA_DIR, staticDir: '/nonexistent' })
    const { code } = await adminJson<{ code: string }>(['enrol-code', '--site', init.site.id], env)
    const res = await fetch(`${server.url}/api/devices/enrol`, { method: 'POST', headers: { ...protocolHeaders(), 'content-type': 'application/json' }, body: JSON.stringify({ code, name: '前台平板' }) })
    const enrolled = (await res.json()) as EnrolResponse
    tablet = { id: enrolled.device.id, siteId: init.site.id, token: enrolled.token, letter: enrolled.device.letter }
  })

  afterAll(async () => {
    await server?.stop()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('copies the database while a tablet pushes: the copy passes quick_check and holds whole transactions', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 5; i++) await pushBatch()
    let writing = true
    const writer = (async () => {
      while (writing) await pushBatch()
    })()
    const pushedBefore = pushed
    const out = await admin(['backup', '--to', copy], env)
    const pushedAfter = pushed
    writing = false
    await writer
    expect(out).toContain(`已备份 (backed up): ${copy}`)
    expect(fs.existsSync(`${copy}.partial`)).toBe(false)

    expect(checkSqliteFile(copy)).toBeNull()
    const state = readCopy(copy)
    // Every site's change counter matches its records: no record without its counter, nor the reverse.
    for (const site of state.seqs) expect(site.change_seq).toBe(site.max_seq)
    // Whole pushes only (each push is one transaction), and only pushes made by the end of the backup.
    expect(state.writerRecords % BATCH).toBe(0)
    expect(state.writerRecords).toBeGreaterThanOrEqual(pushedBefore)
    expect(state.writerRecords).toBeLessThanOrEqual(pushedAfter + BATCH)
    // The writer went on while the copy was made.
    expect(pushedAfter - pushedBefore).toBeGreaterThanOrEqual(2 * BATCH)
    expect(readCopy(live).writerRecords).toBe(pushed)
  })

  it('refuses to restore while the server runs, and changes nothing', async () => {
    const run = await runAdmin(['restore', '--from', copy], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('服务器正在运行,请先停止它再恢复')
    expect(run.stderr).toContain('(the server is running on this data folder: stop it before restoring')
    expect(readCopy(live).writerRecords).toBe(pushed)
    expect(fs.readdirSync(env.DATA_DIR).filter((f) => f.includes('before-restore'))).toEqual([])
  })

  it('refuses a file that is not a database', async () => {
    const junk = path.join(root, 'junk.sqlite')
    fs.writeFileSync(junk, 'not a database at all, just text'.repeat(200))
    const run = await runAdmin(['restore', '--from', junk], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('不是可用的 SQLite 备份,数据库没有改动 (is not a usable SQLite backup; the database was not changed)')
  })

  it('with the server stopped: places the copy, keeps the replaced database, starts a new generation the server then serves', { timeout: 60_000 }, async () => {
    const before = readCopy(live)
    const backedUp = readCopy(copy)
    await server.stop()
    const restored = await adminJson<{ kept: string; generation: string; serverId: string }>(['restore', '--from', copy], env)

    expect(fs.existsSync(restored.kept)).toBe(true)
    expect(path.dirname(restored.kept)).toBe(env.DATA_DIR)
    expect(readCopy(restored.kept).writerRecords).toBe(before.writerRecords)
    const now = readCopy(live)
    expect(now.writerRecords).toBe(backedUp.writerRecords)
    expect(now.writerRecords).toBeLessThan(before.writerRecords)
    expect(now.generation).toBe(restored.generation)
    expect(now.generation).not.toBe(backedUp.generation)
    expect(now.generation).not.toBe(before.generation)
    expect(now.serverId).toBe(before.serverId)

    // The restore let go of the data folder: the server starts on it and tells the new generation.
    server = await startServer({ dataDir: env.DATA_DIR, staticDir: '/nonexistent' })
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { generation: string; serverId: string }
    expect(health).toMatchObject({ generation: restored.generation, serverId: before.serverId })
  })

  it('says what the restore did in words, Chinese first', { timeout: 60_000 }, async () => {
    await server.stop()
    const text = await admin(['restore', '--from', copy], env)
    expect(text).toContain(`已恢复 (restored): ${copy} → ${live}`)
    expect(text).toMatch(/原来的数据库保留在 \(the replaced database is kept at\): .*deskbook\.sqlite\.before-restore-\d+/)
    expect(text).toContain('每台平板下次同步时会发现服务器已恢复')
  })
})
