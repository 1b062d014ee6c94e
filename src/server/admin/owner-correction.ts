/**
 * An owner's archive entry corrected at their request (issue 14 point 4; PIPL Art. 46): a new name and/or
 * phones, written as the server's own change of the editable record (sync/server-write.ts), so every tablet
 * pulls it like any edit — and the request recorded with what was corrected (the fields, never the values),
 * in one transaction. A request's own contact details are corrected on a tablet, as a correction event:
 * the register's history stays as it was written, and the console records that request as a correction.
 */
import { customerProblems, parsePhones, type CustomerProblem } from '@shared/domain/archive-edit'
import type { OwnerCorrection, OwnerRequest } from '@shared/sync/owner-api'
import type { ServerDb } from '../db/connection'
import { httpError } from '../http/http-error'
import { writeAsServer } from '../sync/server-write'
import { findOwnerRecords } from './owner-dossier'
import { receivedAtOf, writeOwnerRequest } from './owner-requests'

const PROBLEMS: Partial<Record<CustomerProblem, string>> = {
  nameRequired: '请填写姓名 (a name is needed)',
  nameTooLong: '姓名太长 (the name is too long)',
  phoneInvalid: '电话号码应有 5 到 20 位数字 (a phone has 5 to 20 digits)',
  mobileInvalid: '手机号应为 11 位 (a mobile number has 11 digits)',
  tooManyPhones: '最多 5 个电话 (at most 5 phones)',
}

export async function correctOwnerArchive(db: ServerDb, siteId: string, c: OwnerCorrection, by: { username: string }, now: number): Promise<OwnerRequest> {
  const { site, dossier } = await findOwnerRecords(db, siteId, c.identity)
  const receivedAt = receivedAtOf(c.receivedOn, site.timezone, now)
  const customer = dossier.customers.find((x) => x.id === c.customerId)
  if (!customer) throw httpError(404, 'NotFound', '这条客户档案不属于所查的业主 (not an archive entry of this owner)')
  const name = c.name.trim() || customer.name
  const phones = c.phones.some((p) => p.trim()) ? c.phones : customer.phones
  const problems = customerProblems({ id: customer.id, roomId: customer.roomId, name, honorific: customer.honorific, relation: customer.relation, phones, moveInDate: customer.moveInDate ?? '', note: customer.note, active: customer.active })
  if (problems.length) throw httpError(400, 'BadRequest', problems.map((p) => PROBLEMS[p] ?? p).join(';'))
  const parsed = parsePhones(phones).phones
  const changed: Record<string, unknown> = {}
  if (name !== customer.name) changed.name = name
  if (JSON.stringify(parsed) !== JSON.stringify(customer.phones)) changed.phones = parsed
  if (!Object.keys(changed).length) throw httpError(400, 'BadRequest', '与档案中现有的姓名和电话相同,没有要更正的内容 (nothing to correct)')
  const room = dossier.rooms.find((r) => r.id === customer.roomId)?.label ?? ''
  const fields = [changed.name !== undefined ? '姓名' : '', changed.phones !== undefined ? '电话' : ''].filter(Boolean).join('、')
  return db.kysely.transaction().execute(async (trx) => {
    await writeAsServer(trx, db.kind, site.id, [{ table: 'customers', recordId: customer.id, data: changed }], now)
    return writeOwnerRequest(trx, { siteId: site.id, kind: 'correction', receivedAt, identity: c.identity, done: `更正客户档案 ${room}:${fields}`, note: c.note, by, now })
  })
}
