import { afterEach, describe, expect, it } from 'vitest'
import { freshDb } from '../../../factories/db'
import { completeFirstRun } from '@client/db/site/first-run'
import { checkInstall, mirrorInstallMarker } from '@client/db/device/install-marker'
import { loadLocalSite, listStaff } from '@client/db/site/site'
import { RecordInvalidError, StorageFullError } from '@client/db/errors'
import type { SetupProblem } from '@client/db/site/site-setup'
import { verifyPin } from '@shared/domain/pin'
import type { SetupInput } from '@client/db/site/site-setup'
import type { DeskbookDb } from '@client/db/database'

function validInput(overrides: Partial<SetupInput> = {}): SetupInput {
  return {
    siteName: ' 翠苑小区 ',
    timezone: 'Asia/Shanghai',
    deviceName: '前台平板',
    departments: [{ name: '工程部' }, { name: '秩序部' }],
    shiftTypes: [
      { code: '白', name: '白班', start: '08:00', end: '20:00' },
      { code: '夜', name: '夜班', start: '20:00', end: '08:00' },
    ],
    staff: [
      { name: '王管理', role: 'administrator', departmentIndex: null, pin: '2580', pinAgain: '2580' },
      { name: '张工', role: 'department', departmentIndex: 0, pin: '7391', pinAgain: '7391' },
    ],
    ...overrides,
  }
}

let db: DeskbookDb
afterEach(async () => {
  db?.close()
  await db?.delete()
})

describe('completeFirstRun', () => {
  it('writes site, settings, device, departments, shifts and staff, each with its outbox entry, and the install marker', async () => {
    db = freshDb()
    const result = await completeFirstRun(db, validInput(), 1_800_000_000_000)

    const local = await loadLocalSite(db)
    expect(local?.site).toEqual({ id: result.site.id, name: '翠苑小区', timezone: 'Asia/Shanghai' })
    expect(local?.settings.supervisorEscalationHours).toBe(48)
    expect(local?.device).toMatchObject({ letter: 'A', name: '前台平板', createdAt: 1_800_000_000_000 })
    expect(await db.departments.count()).toBe(2)
    expect(await db.shiftTypes.count()).toBe(2)
    const staff = await listStaff(db, result.site.id)
    expect(staff.map((s) => s.name).sort()).toEqual(['张工', '王管理'])
    const engineering = await db.departments.where('siteId').equals(result.site.id).filter((d) => d.name === '工程部').first()
    expect(staff.find((s) => s.name === '张工')?.departmentId).toBe(engineering?.id)

    // 1 site + 1 settings + 2 departments + 2 shifts + 2 staff; the device record is the server's to give.
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(8)
    expect(new Set(outbox.map((m) => m.table))).toEqual(new Set(['sites', 'settings', 'departments', 'shiftTypes', 'staff']))
    expect(outbox.every((m) => m.siteId === result.site.id && m.deviceId === result.device.id && m.staffId === null)).toBe(true)

    const storage = new Map<string, string>()
    const local2 = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) }
    mirrorInstallMarker(local2, result.installId)
    expect(await checkInstall(db, local2)).toMatchObject({ kind: 'ok', marker: { installId: result.installId, siteId: result.site.id } })
  })

  it('stores only salted slow hashes of the PINs', async () => {
    db = freshDb()
    await completeFirstRun(db, validInput())
    const rows = await db.staff.toArray()
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain('2580')
      expect(row.pin.iterations).toBeGreaterThanOrEqual(100_000)
    }
    const admin = rows.find((r) => r.name === '王管理')!
    expect(await verifyPin('2580', admin.pin)).toBe(true)
    expect(await verifyPin('2581', admin.pin)).toBe(false)
    const outboxText = JSON.stringify(await db.outbox.toArray())
    expect(outboxText).not.toContain('"2580"')
  })

  it('writes nothing when the form has problems, and says which', async () => {
    db = freshDb()
    const error = await completeFirstRun(db, validInput({ siteName: '', staff: [] })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RecordInvalidError)
    expect((error as RecordInvalidError<SetupProblem>).problems.map((p) => p.key)).toEqual(expect.arrayContaining(['siteNameRequired', 'staffRequired']))
    expect(await db.sites.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('leaves nothing half-written when the disk is full', async () => {
    db = freshDb()
    await db.open()
    const proto = Object.getPrototypeOf(db.backendDB().transaction('staff').objectStore('staff')) as IDBObjectStore
    const realPut = proto.put
    let puts = 0
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'staff' && ++puts === 2) throw new DOMException('quota', 'QuotaExceededError')
      return realPut.apply(this, args)
    }
    try {
      await expect(completeFirstRun(db, validInput())).rejects.toBeInstanceOf(StorageFullError)
    } finally {
      proto.put = realPut
    }
    for (const table of ['sites', 'settings', 'devices', 'departments', 'shiftTypes', 'staff', 'outbox', 'meta'] as const) {
      expect(await db.table(table).count(), table).toBe(0)
    }
  })
})
