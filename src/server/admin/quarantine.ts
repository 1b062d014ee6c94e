/**
 * Reviewing what revoked tablets uploaded (issue 10 point 13; docs/sync-protocol.md "Revoke"): the
 * list with which tablet, who and what; applying a record through the same rules and merge as a push
 * (exactly once), or discarding it; each decision kept with who and when.
 */
import type { Mutation } from '@shared/sync/mutation'
import type { QuarantineItem } from '@shared/sync/admin-api'
import type { ServerDb } from '../db/connection'
import { adminUsernames } from '../repositories/admins'
import { findDevice } from '../repositories/devices'
import { discardQuarantined, findQuarantined, listQuarantined, quarantineDecision, setQuarantineOutcome, type QuarantineRow } from '../repositories/quarantine'
import { getRecord } from '../repositories/records'
import { applyQuarantined } from '../sync/apply-push'
import { httpError } from '../http/http-error'
import { receptionField, summarise } from './quarantine-summary'

type Row = QuarantineRow

/** Reasons the rules give (their first word), said for the administrator. */
const REFUSALS: Record<string, string> = {
  notAllowed: '记录人无权这样做',
  staff: '记录人已停用或不在这个项目',
  noStaff: '记录没有记录人',
  logLocked: '该班已交班,值班记录已锁定',
  alreadyHandedOver: '该班已经交接过',
  unknownReception: '它所属的接待记录不在服务器上(如也在待审核中,请先应用那一条)',
  appendOnlyChanged: '服务器上已有这条记录,内容不同',
  invalid: '内容不符合规则',
  inUse: '仍有记录使用它',
  confidential: '部门平板不能写入前台的保密记录',
  wrongDevice: '记录不属于这台平板',
  unknownMutation: '服务器不认识这种记录',
}

/** Reasons said more precisely than by their first word. */
const REFUSAL_DETAILS: Record<string, string> = {
  'invalid: nameTaken': '已有同名的启用部门',
  'invalid: nameRequired': '名称为空',
}

export function refusalMessage(reason: string): string {
  const word = /^[A-Za-z]+/.exec(reason)?.[0] ?? ''
  return `规则不允许应用:${REFUSAL_DETAILS[reason] ?? REFUSALS[word] ?? '被拒收'} (refused: ${reason})`
}

async function toItems(db: ServerDb, rows: Row[]): Promise<QuarantineItem[]> {
  const devices = new Map<string, { id: string; letter: string; name: string }>()
  const admins = await adminUsernames(db.kysely)
  const staff = new Map<string, string | null>()
  const staffName = async (siteId: string, id: string | null): Promise<string | null> => {
    if (!id) return null
    const key = `${siteId}/${id}`
    if (!staff.has(key)) {
      const found = await getRecord(db.kysely, { siteId, table: 'staff', recordId: id })
      staff.set(key, typeof found?.data.name === 'string' ? found.data.name : null)
    }
    return staff.get(key)!
  }
  const items: QuarantineItem[] = []
  for (const row of rows) {
    const m = JSON.parse(row.mutation) as Mutation
    if (!devices.has(row.device_id)) {
      const d = await findDevice(db.kysely, row.device_id)
      devices.set(row.device_id, { id: row.device_id, letter: d?.letter ?? '?', name: d?.name ?? '' })
    }
    const parentField = receptionField(m.table)
    const parentId = parentField ? m.fields[parentField] : undefined
    const reception = typeof parentId === 'string' ? await getRecord(db.kysely, { siteId: row.site_id, table: 'receptions', recordId: parentId }) : null
    items.push({
      id: row.id,
      siteId: row.site_id,
      receivedAt: Number(row.created_at),
      device: devices.get(row.device_id)!,
      staffName: await staffName(row.site_id, m.staffId),
      name: m.name,
      table: m.table,
      summary: summarise(m.table, m.fields ?? {}, reception?.data ?? null),
      decision: row.decision && row.decided_at !== null ? { kind: row.decision, at: Number(row.decided_at), by: admins.get(row.decided_by ?? '') ?? '' } : null,
      refusal: row.refusal ? refusalMessage(row.refusal) : null,
    })
  }
  return items
}

/** What revoked tablets uploaded, newest first (of one site, or all), with the decisions made. */
export async function quarantineItems(db: ServerDb, siteId?: string): Promise<QuarantineItem[]> {
  return toItems(db, await listQuarantined(db.kysely, siteId))
}

async function waiting(db: ServerDb, id: string): Promise<Row> {
  const row = await findQuarantined(db.kysely, id)
  if (!row) throw httpError(404, 'NotFound', '没有这条待审核的记录 (no such quarantined record)')
  if (row.decision) throw alreadyDecided(row)
  return row
}

const alreadyDecided = (row: Row) => httpError(409, 'AlreadyDecided', `这条记录已经${row.decision === 'applied' ? '应用' : '舍弃'}过了 (already ${row.decision})`)

async function itemOf(db: ServerDb, id: string): Promise<QuarantineItem> {
  const row = await findQuarantined(db.kysely, id)
  if (!row) throw new Error(`quarantined record ${id} missing`)
  return (await toItems(db, [row]))[0]!
}

/**
 * Apply a quarantined record as its tablet's push would have been applied. Refused by the rules: a 409
 * with the reason, the refusal kept on the record, which stays waiting (the administrator may apply what it
 * depends on first, or discard it).
 */
export async function applyQuarantinedRecord(db: ServerDb, id: string, adminId: string, now: number): Promise<QuarantineItem> {
  const row = await waiting(db, id)
  const device = await findDevice(db.kysely, row.device_id)
  if (!device) throw httpError(404, 'NotFound', '没有这台设备 (no such device)')
  const result = await applyQuarantined(db, device, JSON.parse(row.mutation) as Mutation, now, async (trx, outcome) => {
    // Decided once: a second administrator applying at the same moment finds it decided here.
    const decision = await quarantineDecision(trx, id)
    if (decision) throw alreadyDecided({ ...row, decision })
    const set = outcome.status === 'rejected' ? { refusal: (outcome.reason ?? 'rejected').slice(0, 200) } : { decision: 'applied' as const, decided_at: now, decided_by: adminId, refusal: null }
    await setQuarantineOutcome(trx, id, set)
  })
  if (result.status === 'rejected') throw httpError(409, 'Refused', refusalMessage(result.reason ?? 'rejected'))
  return itemOf(db, id)
}

/** Discard a quarantined record after review: it is never applied; the decision is kept. */
export async function discardQuarantinedRecord(db: ServerDb, id: string, adminId: string, now: number): Promise<QuarantineItem> {
  await waiting(db, id)
  if (!(await discardQuarantined(db.kysely, id, adminId, now))) throw httpError(409, 'AlreadyDecided', '这条记录已经处理过了 (already decided)')
  return itemOf(db, id)
}
