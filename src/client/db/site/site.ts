/** Reading this tablet's site and what belongs to it. */
import type { Site } from '@shared/domain/site'
import type { Settings } from '@shared/domain/settings'
import type { Device } from '@shared/domain/device'
import type { ShiftType } from '@shared/domain/shift-type'
import type { Department } from '@shared/domain/department'
import { staffCard, type StaffCard } from '@shared/domain/staff'
import type { DeskbookDb } from '../database'

export interface LocalSite {
  site: Site
  settings: Settings
  device: Device
}

/** The site and device this tablet belongs to, or null before first-run setup. */
export async function loadLocalSite(db: DeskbookDb): Promise<LocalSite | null> {
  const row = await db.meta.get('device')
  const ref = row?.value as { deviceId: string; siteId: string } | undefined
  if (!ref) return null
  const [site, settings, device] = await Promise.all([db.sites.get(ref.siteId), db.settings.get(ref.siteId), db.devices.get(ref.deviceId)])
  if (!site || !settings || !device) return null
  return { site, settings, device }
}

export async function listShiftTypes(db: DeskbookDb, siteId: string): Promise<ShiftType[]> {
  return (await db.shiftTypes.where('siteId').equals(siteId).toArray()).sort((a, b) => a.start.localeCompare(b.start))
}

export async function listDepartments(db: DeskbookDb, siteId: string): Promise<Department[]> {
  return (await db.departments.where('siteId').equals(siteId).toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Staff of the site without their PIN verifiers, active first, by name. */
export async function listStaff(db: DeskbookDb, siteId: string): Promise<StaffCard[]> {
  const rows = await db.staff.where('siteId').equals(siteId).toArray()
  return rows
    .map(staffCard)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'))
}

/** When the site's first tablet joined (the site's first day on Deskbook), or null before any did. */
export async function siteJoinedAt(db: DeskbookDb, siteId: string): Promise<number | null> {
  const first = (await db.devices.toArray()).filter((d) => d.siteId === siteId).reduce((min, d) => Math.min(min, d.createdAt), Number.POSITIVE_INFINITY)
  return Number.isFinite(first) ? first : null
}
