/**
 * What a company administrator does on the server, shared by the console API (routes/admin.ts) and
 * the command line (cli/admin.ts), so both check the same rules and answer with the same messages.
 * Refusals are HttpErrors: a status for the API, a message (Chinese, English in brackets) for people.
 */
import type { AccessTrailItem, DepartmentSummary, DeviceSummary, SiteSummary } from '@shared/sync/admin-api'
import type { AccessEntry } from '@shared/domain/access-trail'
import type { Department } from '@shared/domain/department'
import type { ServerDb } from '../db/connection'
import { countAdmins, createAdmin, findAdminId } from '../repositories/admins'
import { issueCode, type DeviceKind, type CodePurpose } from '../repositories/codes'
import { findDevice, listDevices, revokeDevice } from '../repositories/devices'
import { findSite, listSites } from '../repositories/sites'
import { siteRecords } from '../repositories/records'
import { checkNewSite, createSite, type NewSiteInput } from '../sync/enrolment'
import { MIN_PASSWORD_LENGTH } from '../auth/secrets'
import { httpError } from '../http/http-error'
import type { Site } from '@shared/domain/site'
import { readEpoch } from '../repositories/server-meta'
import { forgetSetupToken } from './setup-token'

/** An administrator's username: the API schema and checkUsername both use this rule. */
export const USERNAME_RULE = { minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9_.@-]+$' } as const

export function checkUsername(username: string): void {
  if (username.length < USERNAME_RULE.minLength || username.length > USERNAME_RULE.maxLength || !new RegExp(USERNAME_RULE.pattern).test(username)) {
    throw httpError(
      400,
      'BadRequest',
      `用户名须为 ${USERNAME_RULE.minLength}–${USERNAME_RULE.maxLength} 位字母、数字或 _ . @ - (username: ${USERNAME_RULE.minLength}–${USERNAME_RULE.maxLength} letters, digits, _ . @ -)`,
    )
  }
}

export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw httpError(400, 'WeakPassword', `密码至少 ${MIN_PASSWORD_LENGTH} 位 (password too short)`)
}

/** Another administrator of the console; the username must be free. */
export async function addAdmin(db: ServerDb, username: string, password: string, now: number): Promise<string> {
  checkUsername(username)
  checkNewPassword(password)
  if (await findAdminId(db.kysely, username)) throw httpError(409, 'UsernameTaken', `用户名 ${username} 已经存在 (username already taken)`)
  return createAdmin(db.kysely, username, password, now)
}

export interface SetupInput {
  username: string
  password: string
  /** The first site with its first administrator staff member, if made now. */
  site?: NewSiteInput
}

/**
 * First-run server setup: the first administrator, and optionally the first site. Refused once an
 * administrator exists. Everything is checked before anything is written, so a refused setup can
 * simply be tried again; `guard` (the console's setup token, admin/setup-token.ts) runs after the checks,
 * before the writes.
 */
export async function setUpServer(
  db: ServerDb,
  input: SetupInput,
  now: number,
  opts: { guard?: () => Promise<void>; dataDir?: string | null } = {},
): Promise<{ adminId: string; site: { site: Site; staffId: string } | null }> {
  if ((await countAdmins(db.kysely)) > 0) throw httpError(409, 'AlreadySetUp', '服务器已经设置过,请用已有的管理员登录 (server already set up)')
  checkUsername(input.username)
  checkNewPassword(input.password)
  if (input.site) checkNewSite(input.site)
  await opts.guard?.()
  const adminId = await addAdmin(db, input.username, input.password, now)
  const site = input.site ? await createSite(db, input.site, now) : null
  // Set up: the token printed at start is spent, its file removed.
  await forgetSetupToken(db, opts.dataDir ?? null)
  return { adminId, site }
}

export async function siteSummaries(db: ServerDb): Promise<SiteSummary[]> {
  const [sites, devices] = await Promise.all([listSites(db.kysely), listDevices(db.kysely)])
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    timezone: s.timezone,
    createdAt: s.created_at,
    devices: devices.filter((d) => d.site_id === s.id).length,
  }))
}

export async function deviceSummaries(db: ServerDb, siteId?: string): Promise<DeviceSummary[]> {
  const devices = await listDevices(db.kysely, siteId)
  const epoch = await readEpoch(db.kysely)
  const names = new Map<string, string>()
  for (const site of new Set(devices.filter((d) => d.department_id).map((d) => d.site_id))) {
    for (const d of await siteDepartments(db, site)) names.set(d.id, d.name)
  }
  return devices.map((d) => ({
    id: d.id,
    siteId: d.site_id,
    letter: d.letter,
    name: d.name,
    kind: d.kind,
    department: d.department_id ? (names.get(d.department_id) ?? '') : null,
    createdAt: d.created_at,
    lastSeenAt: d.last_seen_at,
    revokedAt: d.revoked_at,
    resync: epoch.restoredAt === null ? null : { restoredAt: epoch.restoredAt, caughtUp: d.synced_generation === epoch.generation },
  }))
}

export const NO_SUCH_SITE = '没有这个项目 (no such site)'

/** The site's departments as its tablets last synced them, active first, by name. */
export async function siteDepartments(db: ServerDb, siteId: string): Promise<DepartmentSummary[]> {
  if (!(await findSite(db.kysely, siteId))) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  const rows = (await siteRecords(db.kysely, siteId, 'departments')) as unknown as Department[]
  return rows.map((d) => ({ id: d.id, name: d.name, active: d.active })).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'))
}

/** For an enrolment code: which tablet it makes — a desk tablet, or a department's own for one of its active departments. */
export interface CodeDevice {
  kind: DeviceKind
  departmentId?: string
}

/** The department a department tablet's code names: an active department of the site. */
async function codeDepartment(db: ServerDb, siteId: string, device: CodeDevice): Promise<string | null> {
  if (device.kind === 'desk') {
    if (device.departmentId) throw httpError(400, 'BadRequest', '前台平板不属于部门,请不要选部门 (a desk tablet has no department)')
    return null
  }
  if (!device.departmentId) throw httpError(400, 'BadRequest', '请选择部门平板所属的部门 (choose the department of the tablet)')
  const found = (await siteDepartments(db, siteId)).find((d) => d.id === device.departmentId)
  if (!found) throw httpError(404, 'NotFound', '这个项目没有这个部门 (no such department on this site)')
  if (!found.active) throw httpError(409, 'DepartmentInactive', `部门 ${found.name} 已停用,请先在平板的设置中启用 (department inactive)`)
  return found.id
}

/** A one-time code: `enrol` (a tablet joins the given site) or `connect` (a standalone tablet brings its own site). */
export async function issueAdminCode(db: ServerDb, purpose: CodePurpose, siteId: string | undefined, now: number, device: CodeDevice = { kind: 'desk' }): Promise<{ code: string; expiresAt: number }> {
  if (purpose === 'connect') return issueCode(db.kysely, 'connect', null, now)
  if (!siteId || !(await findSite(db.kysely, siteId))) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  return issueCode(db.kysely, 'enrol', siteId, now, device.kind, await codeDepartment(db, siteId, device))
}

/** Revokes a tablet; false when it was revoked already. */
export async function revokeDeviceById(db: ServerDb, id: string, now: number): Promise<boolean> {
  if (!(await findDevice(db.kysely, id))) throw httpError(404, 'NotFound', '没有这台设备 (no such device)')
  return revokeDevice(db.kysely, id, now)
}

export type { DepartmentSummary, DeviceSummary, SiteSummary }

/** A site's access trail, newest first (issue 14 point 2): read-only — nothing in the console changes it. */
export async function siteAccessTrail(db: ServerDb, siteId: string, limit = 1000): Promise<AccessTrailItem[]> {
  if (!(await findSite(db.kysely, siteId))) throw httpError(404, 'NotFound', NO_SUCH_SITE)
  const [entries, staff, devices] = await Promise.all([
    siteRecords(db.kysely, siteId, 'accessTrail') as unknown as Promise<AccessEntry[]>,
    siteRecords(db.kysely, siteId, 'staff') as unknown as Promise<{ id: string; name: string }[]>,
    listDevices(db.kysely, siteId),
  ])
  const names = new Map(staff.map((s) => [s.id, s.name]))
  const letters = new Map(devices.map((d) => [d.id, d.letter]))
  return entries
    .sort((a, b) => b.at - a.at)
    .slice(0, limit)
    .map((e) => ({ id: e.id, at: e.at, kind: e.kind, what: e.what, who: e.staffId ? (names.get(e.staffId) ?? '') : e.consoleUser, device: e.deviceId ? (letters.get(e.deviceId) ?? '') : '' }))
}
