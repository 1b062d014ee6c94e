/**
 * First-run setup of a standalone tablet: site, settings, departments, shifts, staff and this
 * device, written as one transaction with their outbox entries, so the site can later be
 * connected to a server and everything recorded goes up with it (issue 3).
 */
import { newId } from '@shared/domain/ids'
import { hashPin } from '@shared/domain/pin'
import { defaultSettings } from '@shared/domain/settings'
import { makeSite, type Site } from '@shared/domain/site'
import type { Department } from '@shared/domain/department'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Staff } from '@shared/domain/staff'
import { deviceLetter, type Device } from '@shared/domain/device'
import { setupProblems, type SetupInput, type SetupProblem } from '@client/db/site/site-setup'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type RecordWrite } from '../write-records'
import { writeInstallMarker } from '../device/install-marker'
import { RecordInvalidError } from '../errors'

export interface SetupResult {
  site: Site
  device: Device
  installId: string
}

/** Refused with RecordInvalidError<SetupProblem> (nothing written). */
export async function completeFirstRun(db: DeskbookDb, input: SetupInput, now = Date.now()): Promise<SetupResult> {
  const found = setupProblems(input)
  if (found.length) throw new RecordInvalidError<SetupProblem>(found)

  const site = makeSite(newId(), input.siteName, input.timezone)
  const settings = defaultSettings(site.id, input.timezone)
  const departments: Department[] = input.departments.map((d) => ({ id: newId(), siteId: site.id, name: d.name.trim(), active: true }))
  const shiftTypes: ShiftType[] = input.shiftTypes.map((s) => ({
    id: newId(),
    siteId: site.id,
    code: s.code.trim(),
    name: s.name.trim(),
    start: s.start,
    end: s.end,
    active: true,
  }))
  // Hash before the transaction: IndexedDB transactions end when they wait on anything else.
  const staff: Staff[] = await Promise.all(
    input.staff.map(async (s) => ({
      id: newId(),
      siteId: site.id,
      name: s.name.trim(),
      role: s.role,
      departmentId: s.role === 'department' && s.departmentIndex !== null ? (departments[s.departmentIndex]?.id ?? null) : null,
      pin: await hashPin(s.pin),
      active: true,
    })),
  )
  const device: Device = { id: newId(), siteId: site.id, letter: deviceLetter(0), name: input.deviceName.trim() || '前台平板', createdAt: now }

  const writes: RecordWrite[] = [
    { name: 'site.put', row: site },
    { name: 'settings.put', row: settings },
    ...departments.map((d): RecordWrite => ({ name: 'department.put', row: d })),
    ...shiftTypes.map((s): RecordWrite => ({ name: 'shiftType.put', row: s })),
    ...staff.map((s): RecordWrite => ({ name: 'staff.put', row: s })),
  ]
  const installId = newId()
  await writeTransaction(db, [db.sites, db.settings, db.devices, db.departments, db.shiftTypes, db.staff], async () => {
    await writeRecords(db, { siteId: site.id, deviceId: device.id, staffId: null }, writes, now)
    // The device record belongs to the server once the tablet connects (it gives out letters); until then, local only.
    await db.devices.put(device)
    await db.meta.put({ key: 'device', value: { deviceId: device.id, siteId: site.id } })
    await writeInstallMarker(db, installId, site.id, now)
  })
  return { site, device, installId }
}
