/**
 * What each `npm run admin` command does, on an open and migrated database, through the same
 * operations as the console API (admin/operations.ts). Each answers text for a person and a value
 * for `--json`.
 */
import { DEFAULT_TIMEZONE, formatDateTime } from '@shared/domain/time'
import type { ServerDb } from '../db/connection'
import { findDevice } from '../repositories/devices'
import { findSite } from '../repositories/sites'
import { startNewGeneration } from '../repositories/server-meta'
import { createSite } from '../sync/enrolment'
import { httpError } from '../http/http-error'
import { addAdmin, deviceSummaries, issueAdminCode, NO_SUCH_SITE, revokeDeviceById, setUpServer, siteDepartments, siteSummaries, type DepartmentSummary } from '../admin/operations'
import type { Invocation } from './args'
import { table } from './table'
import { importSiteFromFile } from './import-site'

export interface Output {
  text: string
  json: unknown
}

export interface CommandContext {
  db: ServerDb
  now: number
  /** The password, already read (from --password or standard input) for commands that take one. */
  password: string
  /** Timezone for times not tied to a site (the server's own). */
  localTimezone: string
  /** The server's data folder (DATA_DIR): `init` removes the setup token's file there. */
  dataDir?: string
}

/** What a restore means for the tablets, said after `restore` and `mark-restored`. */
export const TABLETS_RESYNC =
  '每台平板下次同步时会发现服务器已恢复,补传它有而服务器没有的记录,再重新下载 (every tablet finds the server restored on its next sync, re-sends what the server lacks and pulls again)'

const lines = (...xs: (string | false)[]): string => xs.filter((x) => x !== false).join('\n') + '\n'

async function requireSite(db: ServerDb, id: string): Promise<{ id: string; name: string; timezone: string }> {
  const site = await findSite(db.kysely, id)
  if (!site) throw httpError(404, 'NotFound', `${NO_SUCH_SITE}: ${id}`)
  return site
}

/** A department of the site by id or by name (an active one first: an old inactive one may share its name). */
async function findDepartment(db: ServerDb, siteId: string, idOrName: string): Promise<DepartmentSummary> {
  const all = await siteDepartments(db, siteId)
  const wanted = idOrName.trim()
  const found = all.find((d) => d.id === wanted) ?? all.find((d) => d.active && d.name === wanted) ?? all.find((d) => d.name === wanted)
  if (!found) throw httpError(404, 'NotFound', `这个项目没有部门 ${wanted},可用 departments --site ${siteId} 查看 (no such department on this site)`)
  return found
}

function newSite(inv: Invocation, name: string): { name: string; timezone: string; adminName: string; adminPin: string } {
  return { name, timezone: inv.values.timezone ?? DEFAULT_TIMEZONE, adminName: inv.values['admin-name']!, adminPin: inv.values['admin-pin']! }
}

function siteCreated(site: { id: string; name: string; timezone: string }, staffId: string, adminName: string): string[] {
  return [
    `已创建项目 (site created): ${site.name}`,
    `  项目ID (site id): ${site.id}`,
    `  时区 (timezone): ${site.timezone}`,
    `  客服管理员 ${adminName} 可在平板上用 PIN 登录 (administrator staff member; logs in on the tablet with the PIN), staff id ${staffId}`,
    `下一步 (next): npm run admin -- enrol-code --site ${site.id}`,
  ]
}

export async function runCommand(inv: Invocation, ctx: CommandContext): Promise<Output> {
  const { db, now } = ctx
  const v = inv.values
  switch (inv.command) {
    case 'init': {
      const site = v.site === undefined ? undefined : newSite(inv, v.site)
      // On the server machine with its database: no setup token needed; the one printed is spent.
      const done = await setUpServer(db, { username: v.username!, password: ctx.password, ...(site ? { site } : {}) }, now, { dataDir: ctx.dataDir ?? null })
      const made = done.site && { ...done.site.site, adminStaffId: done.site.staffId }
      return {
        text: lines(`已创建管理员账号 (administrator created): ${v.username}`, ...(made ? siteCreated(made, made.adminStaffId, site!.adminName) : [])),
        json: { admin: { id: done.adminId, username: v.username }, site: made },
      }
    }
    case 'create-admin': {
      const id = await addAdmin(db, v.username!, ctx.password, now)
      return { text: lines(`已创建管理员账号 (administrator created): ${v.username}`), json: { id, username: v.username } }
    }
    case 'create-site': {
      const input = newSite(inv, v.name!)
      const { site, staffId } = await createSite(db, input, now)
      return { text: lines(...siteCreated(site, staffId, input.adminName)), json: { ...site, adminStaffId: staffId } }
    }
    case 'sites': {
      const sites = await siteSummaries(db)
      const text =
        sites.length === 0
          ? lines('还没有项目 (no sites yet)')
          : table([
              ['项目ID (site id)', '平板 (devices)', '时区 (timezone)', '名称 (name)'],
              ...sites.map((s) => [s.id, String(s.devices), s.timezone, s.name]),
            ])
      return { text, json: sites }
    }
    case 'enrol-code': {
      const site = await requireSite(db, v.site!)
      const department = v.department === undefined ? null : await findDepartment(db, site.id, v.department)
      const { code, expiresAt } = await issueAdminCode(db, 'enrol', site.id, now, department ? { kind: 'department', departmentId: department.id } : { kind: 'desk' })
      return {
        text: lines(
          `注册码 (enrolment code): ${code}`,
          `  项目 (site): ${site.name} ${site.id}`,
          department
            ? `  部门平板 (department tablet): ${department.name} ${department.id}`
            : '  前台平板 (desk tablet)',
          `  有效期至 (valid until): ${formatDateTime(expiresAt, site.timezone)} ${site.timezone}`,
          '  在平板上输入,加入这个项目;只能用一次 (type it on the tablet to join this site; single use)',
        ),
        json: { code, purpose: 'enrol', siteId: site.id, deviceKind: department ? 'department' : 'desk', departmentId: department?.id ?? null, expiresAt },
      }
    }
    case 'departments': {
      const site = await requireSite(db, v.site!)
      const departments = await siteDepartments(db, site.id)
      const text =
        departments.length === 0
          ? lines('这个项目还没有部门 (no departments yet)')
          : table([['部门ID (department id)', '状态 (status)', '名称 (name)'], ...departments.map((d) => [d.id, d.active ? '启用 (active)' : '已停用 (inactive)', d.name])])
      return { text, json: departments }
    }
    case 'connect-code': {
      const { code, expiresAt } = await issueAdminCode(db, 'connect', undefined, now)
      return {
        text: lines(
          `连接码 (connect code): ${code}`,
          `  有效期至 (valid until): ${formatDateTime(expiresAt, ctx.localTimezone)} ${ctx.localTimezone}`,
          '  独立使用的平板用它带着自己的项目连上服务器;只能用一次 (a standalone tablet brings its own site with it; single use)',
        ),
        json: { code, purpose: 'connect', siteId: null, expiresAt },
      }
    }
    case 'devices': {
      if (v.site !== undefined) await requireSite(db, v.site)
      const [devices, sites] = await Promise.all([deviceSummaries(db, v.site), siteSummaries(db)])
      const siteOf = new Map(sites.map((s) => [s.id, s]))
      const at = (ms: number | null, siteId: string): string => (ms === null ? '—' : formatDateTime(ms, siteOf.get(siteId)?.timezone ?? ctx.localTimezone))
      const text =
        devices.length === 0
          ? lines('还没有平板 (no devices yet)')
          : table([
              ['设备ID (device id)', '项目 (site)', '编号 (letter)', '类型 (kind)', '最近同步 (last seen)', '状态 (status)', '名称 (name)'],
              ...devices.map((d) => [
                d.id,
                siteOf.get(d.siteId)?.name ?? d.siteId,
                d.letter,
                d.kind === 'department' ? `部门平板 (department) ${d.department ?? ''}`.trim() : '前台 (desk)',
                at(d.lastSeenAt, d.siteId),
                d.revokedAt === null ? '使用中 (active)' : `已停用 (revoked) ${at(d.revokedAt, d.siteId)}`,
                d.name,
              ]),
            ])
      return { text, json: devices }
    }
    case 'revoke': {
      const revoked = await revokeDeviceById(db, v.device!, now)
      const device = (await findDevice(db.kysely, v.device!))!
      const what = `${device.letter} ${device.name} (${device.id})`
      return {
        text: lines(revoked ? `已停用平板 (device revoked): ${what}` : `这台平板早已停用 (device was already revoked): ${what}`),
        json: { id: device.id, revoked, revokedAt: device.revoked_at },
      }
    }
    case 'import-site':
      return importSiteFromFile(db, v.file!, now)
    case 'mark-restored': {
      const epoch = await startNewGeneration(db.kysely, now)
      return {
        text: lines(`已标记为已恢复 (marked restored): 新的代号 (new generation) ${epoch.generation}`, TABLETS_RESYNC),
        json: epoch,
      }
    }
    case 'help':
    case 'backup':
    case 'restore':
      throw new Error(`${inv.command} is answered before the database is opened`)
  }
}
