/**
 * Putting tablets on the server (docs/sync-protocol.md "Getting a tablet onto the server"):
 * enrolment to an existing site, connecting a standalone tablet with its own site, and creating
 * a site from the console or CLI with its first administrator.
 */
import { SUGGESTED_SHIFTS } from '@shared/domain/shift-type'
import { SUGGESTED_DEPARTMENTS } from '@shared/domain/department'
import { newId } from '@shared/domain/ids'
import { defaultSettings } from '@shared/domain/settings'
import { hashPin, pinProblem, type PinProblem } from '@shared/domain/pin'
import { isKnownTimezone } from '@shared/domain/time'
import type { Site } from '@shared/domain/site'
import type { Transaction } from 'kysely'
import type { EnrolResponse, ConnectRequest, EnrolRequest } from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import { consumeCode, type ConsumeResult } from '../repositories/codes'
import { findDevice, insertDevice, nextLetter, usedLetters } from '../repositories/devices'
import { getRecord } from '../repositories/records'
import { readEpoch } from '../repositories/server-meta'
import { findSite, insertSite, lockChangeSeq } from '../repositories/sites'
import { newToken, sha256 } from '../auth/secrets'
import { httpError } from '../http/http-error'
import { writeAsServer } from './server-write'

const CODE_MESSAGES: Record<Exclude<ConsumeResult, { ok: true }>['reason'], string> = {
  unknown: '注册码不正确,请核对后重新输入 (unknown code)',
  used: '这个注册码已经用过了,请向管理员要一个新的 (code already used)',
  expired: '注册码已过期,请向管理员要一个新的 (code expired)',
  wrongPurpose: '这个注册码不能用于此操作 (code issued for another purpose)',
}

function deviceRecord(device: EnrolResponse['device']): { table: string; recordId: string; data: Record<string, unknown> } {
  return { table: 'devices', recordId: device.id, data: { ...device } }
}

/**
 * A tablet joins an existing site with an enrolment code. With `rejoin`, a tablet the server no longer
 * knows (enrolled after the backup a restore went back to) joins again as the same device, keeping its
 * letter unless another tablet took it since; it must then re-send what it holds before it pushes.
 */
export async function enrolDevice(db: ServerDb, req: EnrolRequest, now: number): Promise<EnrolResponse> {
  const { code, name, rejoin } = req
  const id = rejoin?.deviceId ?? newId()
  return db.kysely.transaction().execute(async (trx) => {
    const used = await consumeCode(trx, code, 'enrol', id, now)
    if (!used.ok) throw httpError(400, 'BadCode', CODE_MESSAGES[used.reason])
    const site = used.siteId ? await findSite(trx, used.siteId) : null
    if (!site) throw httpError(400, 'BadCode', CODE_MESSAGES.unknown)
    if (rejoin && rejoin.siteId !== site.id) throw httpError(400, 'BadCode', '这个注册码属于另一个项目,请向管理员要本项目的注册码 (code issued for another site)')
    if (rejoin && (await findDevice(trx, rejoin.deviceId))) throw httpError(409, 'DeviceExists', '服务器认得这台平板,无需重新加入;如连接失效,请管理员检查它是否被停用 (device already registered)')
    // Tablets enrolling at the same moment must not get the same letter: take the site's lock first.
    await lockChangeSeq(trx, db.kind, site.id)
    const letter = rejoin && !(await letterTakenByAnother(trx, site.id, rejoin)) ? rejoin.letter : await nextLetter(trx, site.id)
    const token = newToken('dev')
    const departmentId = used.deviceKind === 'department' ? used.departmentId : null
    const epoch = await readEpoch(trx)
    await insertDevice(trx, {
      id,
      site_id: site.id,
      letter,
      name,
      token_hash: sha256(token),
      founder: 0,
      setup_at: null,
      created_at: now,
      kind: used.deviceKind,
      department_id: departmentId,
      synced_generation: rejoin ? null : epoch.generation,
    })
    // The tablet learns what it is (its login offers a department tablet's members only) and so do the others.
    const device = { id, siteId: site.id, letter, name, createdAt: now, kind: used.deviceKind, departmentId }
    await writeAsServer(trx, db.kind, site.id, [deviceRecord(device)], now)
    return { device, token, site: { id: site.id, name: site.name, timezone: site.timezone }, server: { id: epoch.serverId, generation: epoch.generation } }
  })
}

/** Is the rejoining tablet's letter now another device's (a row, or a device record another tablet re-sent)? */
async function letterTakenByAnother(trx: Transaction<Database>, siteId: string, rejoin: NonNullable<EnrolRequest['rejoin']>): Promise<boolean> {
  const own = await getRecord(trx, { siteId, table: 'devices', recordId: rejoin.deviceId })
  const used = await usedLetters(trx, siteId)
  // Its own device record (re-sent by a tablet that pulled it) names its letter: that is no rival.
  if (own?.data.letter === rejoin.letter) used.delete(rejoin.letter)
  return used.has(rejoin.letter)
}

/** A standalone tablet brings its own site to the server with a connect code. */
export async function connectStandalone(db: ServerDb, req: ConnectRequest, now: number): Promise<EnrolResponse> {
  if (!isKnownTimezone(req.site.timezone)) throw httpError(400, 'BadRequest', '时区不正确 (unknown timezone)')
  if (req.setupAt > now + 24 * 3600_000) throw httpError(400, 'BadRequest', '设置时间不正确:平板的日期可能有误 (setupAt in the future)')
  return db.kysely.transaction().execute(async (trx) => {
    if (await findSite(trx, req.site.id)) throw httpError(409, 'SiteExists', '这个项目已经在服务器上,请改用注册码加入 (site already on the server)')
    if (await findDevice(trx, req.device.id)) throw httpError(409, 'DeviceExists', '这台平板已经连接过服务器 (device already registered)')
    const used = await consumeCode(trx, req.code, 'connect', req.device.id, now)
    if (!used.ok) throw httpError(400, 'BadCode', CODE_MESSAGES[used.reason])
    await insertSite(trx, req.site, now)
    const token = newToken('dev')
    const epoch = await readEpoch(trx)
    await insertDevice(trx, {
      id: req.device.id,
      site_id: req.site.id,
      letter: 'A',
      name: req.device.name,
      token_hash: sha256(token),
      founder: 1,
      setup_at: req.setupAt,
      created_at: now,
      kind: 'desk',
      synced_generation: epoch.generation,
    })
    const device = { id: req.device.id, siteId: req.site.id, letter: 'A', name: req.device.name, createdAt: now }
    await writeAsServer(trx, db.kind, req.site.id, [deviceRecord(device)], now)
    return { device, token, site: req.site, server: { id: epoch.serverId, generation: epoch.generation } }
  })
}

export interface NewSiteInput {
  name: string
  timezone: string
  adminName: string
  adminPin: string
}

const PIN_MESSAGES: Record<PinProblem, string> = {
  notDigits: 'PIN 只能是数字 (PIN not acceptable: digits only)',
  tooShort: 'PIN 至少 4 位 (PIN not acceptable: at least 4 digits)',
  tooLong: 'PIN 最多 8 位 (PIN not acceptable: at most 8 digits)',
  tooSimple: 'PIN 太简单(如 1111、1234),请换一个 (PIN not acceptable: too easy to guess)',
}

/** Refuses, with a message for a person, a new site that createSite would not make; nothing is written. */
export function checkNewSite(input: NewSiteInput): void {
  const name = input.name.trim()
  if (!name || name.length > 60) throw httpError(400, 'BadRequest', '请填写项目名称(不超过 60 字) (site name required)')
  if (!isKnownTimezone(input.timezone)) throw httpError(400, 'BadRequest', '时区不正确 (unknown timezone)')
  if (!input.adminName.trim() || input.adminName.trim().length > 20) throw httpError(400, 'BadRequest', '请填写管理员姓名(不超过 20 字) (administrator name required)')
  const pin = pinProblem(input.adminPin)
  if (pin) throw httpError(400, 'BadRequest', PIN_MESSAGES[pin])
}

/** A site made on the server (console or CLI), with its first administrator so the first tablet can log in. */
export async function createSite(db: ServerDb, input: NewSiteInput, now: number): Promise<{ site: Site; staffId: string }> {
  checkNewSite(input)
  const site: Site = { id: newId(), name: input.name.trim(), timezone: input.timezone }
  const staffId = newId()
  const verifier = await hashPin(input.adminPin)
  await db.kysely.transaction().execute(async (trx) => {
    await insertSite(trx, site, now)
    await writeAsServer(
      trx,
      db.kind,
      site.id,
      [
        { table: 'sites', recordId: site.id, data: { ...site } },
        { table: 'settings', recordId: site.id, data: { ...defaultSettings(site.id, site.timezone) } },
        {
          table: 'staff',
          recordId: staffId,
          data: { id: staffId, siteId: site.id, name: input.adminName.trim(), role: 'administrator', departmentId: null, pin: verifier, active: true },
        },
        // The same suggestions as the tablet's first run, so the site works at once (shifts drive the duty
        // log and handover, 篇2 4.2–4.3); its administrator edits them.
        ...SUGGESTED_SHIFTS.map((s) => {
          const id = newId()
          return { table: 'shiftTypes', recordId: id, data: { id, siteId: site.id, ...s, active: true } }
        }),
        ...SUGGESTED_DEPARTMENTS.map((name) => {
          const id = newId()
          return { table: 'departments', recordId: id, data: { id, siteId: site.id, name, active: true } }
        }),
      ],
      now,
    )
  })
  return { site, staffId }
}
