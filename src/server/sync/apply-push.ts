/**
 * Applying a pushed batch (docs/sync-protocol.md "Push"): one transaction, in order, each
 * mutation exactly once; rejected ones kept in dead_letters with the reason.
 */
import type { Transaction } from 'kysely'
import { can, type Role } from '@shared/domain/role'
import { mayUseDevice } from '@shared/domain/device'
import { MINUTE } from '@shared/domain/time'
import type { Mutation } from '@shared/sync/mutation'
import { clampHlc, DELETED_FIELD, mergeFields } from '@shared/sync/merge'
import { CONFIDENTIAL_TABLES, parentIdOf, recordIdOf, SETUP_MUTATIONS, specFor, type MutationSpec } from '@shared/sync/registry'
import type { PushResult } from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import type { Database } from '../db/tables'
import type { DeviceRow } from '../repositories/devices'
import { getRecord, putRecord } from '../repositories/records'
import { lockChangeSeq, renameSite, setChangeSeq } from '../repositories/sites'
import { priorOutcome, priorOutcomes, recordOutcome, recordOutcomes, type Outcome } from '../repositories/applied-mutations'
import { insertDeadLetter } from '../repositories/dead-letters'
import { insertQuarantined } from '../repositories/quarantine'
import { DELETION_RULES, RECORD_RULES } from './record-rules'
import type { Actor } from './rule'
import { recordProblem } from './record-check'

/** Editable tables of owners' own details: once deleted, an edit of them is refused. */
const PERSONAL_TABLES: ReadonlySet<string> = new Set(['customers'])

/** Stamps further ahead of the server's clock than this are clamped. */
export const MAX_CLOCK_AHEAD = 5 * MINUTE

type Trx = Transaction<Database>
type Verdict = { ok: true; spec: MutationSpec; actor: Actor } | { ok: false; reason: string }

type StaffVerdict = Actor | 'unknown' | 'inactive'

/**
 * The staff members a batch names, read once each for the batch (a tablet's 100 mutations are mostly
 * one clerk's); a staff record the batch itself changes is read again after.
 */
class Actors {
  readonly #known = new Map<string, StaffVerdict>()

  constructor(
    private readonly trx: Trx,
    private readonly siteId: string,
  ) {}

  async find(staffId: string): Promise<StaffVerdict> {
    const known = this.#known.get(staffId)
    if (known) return known
    const staff = await getRecord(this.trx, { siteId: this.siteId, table: 'staff', recordId: staffId })
    const verdict: StaffVerdict = !staff || staff.deleted ? 'unknown' : staff.data.active !== true ? 'inactive' : { role: staff.data.role as Role, departmentId: (staff.data.departmentId as string | null) ?? null }
    this.#known.set(staffId, verdict)
    return verdict
  }

  changed(staffId: string): void {
    this.#known.delete(staffId)
  }
}

async function authorise(actors: Actors, device: DeviceRow, m: Mutation): Promise<Verdict> {
  const spec = specFor(m.name, m.version)
  if (!spec) return { ok: false, reason: `unknownMutation: ${m.name}@${m.version}` }
  if (m.siteId !== device.site_id || m.deviceId !== device.id) return { ok: false, reason: 'wrongDevice' }
  if (m.table !== spec.table) return { ok: false, reason: 'wrongTable' }
  if (device.kind !== 'desk' && CONFIDENTIAL_TABLES.includes(spec.table)) return { ok: false, reason: 'confidential: desk devices only' }
  if (m.staffId === null) {
    // First-run setup on a standalone tablet, before anyone could log in: only its founding device, only then.
    const setup = device.founder === 1 && device.setup_at !== null && m.createdAt <= device.setup_at && SETUP_MUTATIONS.includes(m.name)
    return setup ? { ok: true, spec, actor: { role: null, departmentId: null } } : { ok: false, reason: 'noStaff' }
  }
  const actor = await actors.find(m.staffId)
  if (actor === 'unknown' || actor === 'inactive') return { ok: false, reason: `staff ${actor}` }
  if (!mayUseDevice({ kind: device.kind, departmentId: device.department_id }, { role: actor.role!, departmentId: actor.departmentId })) return { ok: false, reason: 'notAllowed: this tablet is for its department’s members only' }
  const action = spec.actionFor?.(m.fields) ?? spec.action
  if (!can(actor.role!, action)) return { ok: false, reason: `notAllowed: ${actor.role} may not ${action}` }
  return { ok: true, spec, actor }
}

function scopeProblem(spec: MutationSpec, m: Mutation, data: Record<string, unknown>): string | null {
  // The same key rule the tablet writes by (registry `recordIdOf`).
  if (recordIdOf(spec, data) !== m.recordId) return 'recordIdMismatch'
  if (data[spec.siteField] !== m.siteId) return 'wrongSite'
  return null
}

/** The record says who did it (`receiverId`, `staffId` …): that must be who the mutation comes from. */
function actorProblem(spec: MutationSpec, m: Mutation, data: Record<string, unknown>): string | null {
  if (!spec.actorField || m.staffId === null) return null
  return data[spec.actorField] === m.staffId ? null : `actorMismatch: ${spec.actorField}`
}

/** Only a system administrator makes another one (the role manages devices and all settings). */
function escalation(spec: MutationSpec, before: Record<string, unknown> | undefined, after: Record<string, unknown>, actor: Role | null): string | null {
  if (spec.table !== 'staff' || actor === null || actor === 'admin') return null
  return after.role === 'admin' && before?.role !== 'admin' ? 'notAllowed: only an admin grants the admin role' : null
}

async function applyOne(trx: Trx, actors: Actors, device: DeviceRow, m: Mutation, seq: number, now: number): Promise<{ result: PushResult; seq: number }> {
  const verdict = await authorise(actors, device, m)
  if (!verdict.ok) return { result: { id: m.id, status: 'rejected', reason: verdict.reason }, seq }
  const { spec } = verdict
  const key = { siteId: device.site_id, table: spec.table, recordId: m.recordId }
  const current = await getRecord(trx, key)
  const fields = spec.op === 'delete' ? { [DELETED_FIELD]: true } : m.fields
  const merged = mergeFields(current, fields, clampHlc(m.hlc, now, MAX_CLOCK_AHEAD), spec.kind)
  if (!merged.ok) return { result: { id: m.id, status: 'rejected', reason: merged.reason }, seq }
  const data = merged.record.data
  // An archive entry deleted (an owner's erasure, PIPL Art. 47) takes no edit: a tablet that edited it offline
  // would write the name and phones back into the deleted record, where exports and backups still hold them.
  if (current?.deleted && merged.record.deleted && spec.op === 'put' && PERSONAL_TABLES.has(spec.table)) return { result: { id: m.id, status: 'rejected', reason: 'deleted: the archive entry was removed' }, seq }
  const problem = scopeProblem(spec, m, data) ?? escalation(spec, current?.data, data, verdict.actor.role) ?? actorProblem(spec, m, data)
  if (problem) return { result: { id: m.id, status: 'rejected', reason: problem }, seq }
  // A replay of an append-only record already written changes nothing, so no rule can refuse it (a
  // handover re-queued is not a second handover; an entry re-queued does not write to a locked log).
  if (!merged.changed && spec.kind === 'appendOnly') return { result: { id: m.id, status: 'applied' }, seq }
  let ruled: string | null | undefined
  if (!merged.record.deleted) {
    const invalid = recordProblem(spec.schema, data)
    if (invalid) return { result: { id: m.id, status: 'rejected', reason: invalid }, seq }
    ruled = await RECORD_RULES[m.name]?.(trx, device.site_id, m, data, verdict.actor, now)
  } else if (current && !current.deleted) {
    ruled = await DELETION_RULES[m.name]?.(trx, device.site_id, m, current.data, verdict.actor, now)
  }
  if (ruled) return { result: { id: m.id, status: 'rejected', reason: ruled.slice(0, 200) }, seq }
  // An editable record is renumbered even when every field of the change lost to a newer write: the
  // tablet that made the change shows it locally and would otherwise never pull the record again.
  await putRecord(trx, key, merged.record, seq + 1, now, parentIdOf(spec, data))
  if (spec.table === 'staff') actors.changed(m.recordId)
  if (spec.table === 'sites') await renameSite(trx, device.site_id, String(data.name), String(data.timezone))
  return { result: { id: m.id, status: 'applied' }, seq: seq + 1 }
}

/** The answer to a mutation sent again: what was decided the first time. */
function answerAgain(m: Mutation, prior: Outcome): PushResult {
  return prior.status === 'applied' ? { id: m.id, status: 'duplicate' } : { id: m.id, status: 'rejected', reason: prior.reason ?? 'rejected' }
}

/** Apply `mutations` from `device` in one transaction; answers one result per mutation, in order. */
export async function applyPush(db: ServerDb, device: DeviceRow, mutations: readonly Mutation[], now: number): Promise<PushResult[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const start = await lockChangeSeq(trx, db.kind, device.site_id)
    let seq = start
    const results: PushResult[] = []
    // Decided before, or earlier in this batch (a batch may hold the same mutation twice).
    const prior = await priorOutcomes(trx, [...new Set(mutations.map((m) => m.id))])
    const decided: { m: Mutation; outcome: Outcome }[] = []
    const actors = new Actors(trx, device.site_id)
    for (const m of mutations) {
      const before = prior.get(m.id)
      if (before) {
        results.push(answerAgain(m, before))
        continue
      }
      const outcome = await applyOne(trx, actors, device, m, seq, now)
      seq = outcome.seq
      const { status, reason } = outcome.result
      const settled: Outcome = { status: status === 'applied' ? 'applied' : 'rejected', reason: reason ?? null }
      prior.set(m.id, settled)
      decided.push({ m, outcome: settled })
      if (status === 'rejected') await insertDeadLetter(trx, device, m, reason ?? 'rejected', now)
      results.push(outcome.result)
    }
    await recordOutcomes(trx, device, decided, now)
    if (seq !== start) await setChangeSeq(trx, device.site_id, seq)
    return results
  })
}

/** A revoked device's last push: kept aside for review, applied never. */
export async function quarantinePush(db: ServerDb, device: DeviceRow, mutations: readonly Mutation[], now: number): Promise<PushResult[]> {
  await db.kysely.transaction().execute((trx) => insertQuarantined(trx, device, mutations, now))
  return mutations.map((m) => ({ id: m.id, status: 'quarantined' as const }))
}

/**
 * An administrator applies one record a revoked tablet uploaded (issue 10 point 13): through the same
 * checks and merge as a push from that tablet, exactly once. Refused by the rules, nothing is written
 * (it may be tried again, e.g. after the request it belongs to was applied) and the reason comes back;
 * applied, `decide` records the decision in the same transaction.
 */
export async function applyQuarantined(
  db: ServerDb,
  device: DeviceRow,
  m: Mutation,
  now: number,
  decide: (trx: Trx, result: PushResult) => Promise<void>,
): Promise<PushResult> {
  return db.kysely.transaction().execute(async (trx) => {
    const seq = await lockChangeSeq(trx, db.kind, device.site_id)
    const prior = await priorOutcome(trx, m.id)
    let result: PushResult
    if (prior) {
      // Pushed before the tablet was revoked: already in effect (or refused then, for good).
      result = answerAgain(m, prior)
    } else {
      const outcome = await applyOne(trx, new Actors(trx, device.site_id), device, m, seq, now)
      result = outcome.result
      if (result.status === 'applied') {
        await recordOutcome(trx, device, m, { status: 'applied', reason: null }, now)
        await setChangeSeq(trx, device.site_id, outcome.seq)
      }
    }
    await decide(trx, result)
    return result
  })
}
