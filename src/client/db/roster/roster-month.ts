/**
 * Reading the monthly roster (issue 13): a month's working copy, versions and steps, the version in force,
 * and who is rostered on a shift — what the roster's screens and every screen asking "who is on duty"
 * (status bar, today, duty log, handover, inspections) read.
 */
import { parseShiftKey } from '@shared/domain/duty-log'
import { inForce, monthOf, rosteredFor, versionStatuses, type RosterCell, type RosterStep, type RosterVersion, type VersionStatus } from '@shared/domain/roster'
import type { RosterAnswer, RosterRequest } from '@shared/domain/roster-request'
import type { DeskbookDb } from '../database'

export interface RosterMonth {
  month: string
  cells: RosterCell[]
  versions: RosterVersion[]
  steps: RosterStep[]
  /** Each version with its state and number, oldest first. */
  statuses: VersionStatus[]
  /** The approved version in force, or null: without one the app says so and goes by who logged in. */
  inForce: VersionStatus | null
}

/** Cells of the site's month from the [siteId+date] index. */
export function monthCells(db: DeskbookDb, siteId: string, month: string): Promise<RosterCell[]> {
  return db.rosterCells.where('[siteId+date]').between([siteId, `${month}-01`], [siteId, `${month}-31`], true, true).toArray()
}

/** The site's roster versions of `months` and their steps (the `month` and `versionId` indexes). */
export async function versionsOfMonths(db: DeskbookDb, siteId: string, months: readonly string[]): Promise<Pick<RosterMonth, 'versions' | 'steps'>> {
  const versions = (await db.rosterVersions.where('month').anyOf([...months]).toArray()).filter((v) => v.siteId === siteId)
  const steps = versions.length ? await db.rosterSteps.where('versionId').anyOf(versions.map((v) => v.id)).toArray() : []
  return { versions, steps }
}

/** Versions of the month and their steps, with their states. */
export async function monthVersions(db: DeskbookDb, siteId: string, month: string): Promise<Pick<RosterMonth, 'versions' | 'steps' | 'statuses' | 'inForce'>> {
  const { versions, steps } = await versionsOfMonths(db, siteId, [month])
  const statuses = versionStatuses(versions, steps)
  return { versions, steps, statuses, inForce: inForce(statuses) }
}

export async function loadRosterMonth(db: DeskbookDb, siteId: string, month: string): Promise<RosterMonth> {
  const [cells, versions] = await Promise.all([monthCells(db, siteId, month), monthVersions(db, siteId, month)])
  return { month, cells, ...versions }
}

/** The roster in force for the month of `date`, or null. */
export async function rosterInForce(db: DeskbookDb, siteId: string, date: string): Promise<VersionStatus | null> {
  return (await monthVersions(db, siteId, monthOf(date))).inForce
}

/**
 * Who the roster puts on a shift (篇2 4.1; issue 13 point 4): `rostered` is false when the shift's month has
 * no approved roster — then the app goes by who started duty, as before, and says so.
 */
export interface ShiftRoster {
  rostered: boolean
  /** Desk staff on the shift by the roster in force. */
  staffIds: string[]
  /** Back-office support on the shift (篇2 4.1.2), not desk duty. */
  supportIds: string[]
  /** The version, for "第N版". */
  version: VersionStatus | null
}

export async function shiftRoster(db: DeskbookDb, siteId: string, shiftKey: string): Promise<ShiftRoster> {
  const parsed = parseShiftKey(shiftKey)
  const version = parsed ? await rosterInForce(db, siteId, parsed.date) : null
  if (!parsed || !version) return { rostered: false, staffIds: [], supportIds: [], version: null }
  return {
    rostered: true,
    staffIds: rosteredFor(version.version, parsed.date, parsed.shiftTypeId),
    supportIds: rosteredFor(version.version, parsed.date, parsed.shiftTypeId, 'support'),
    version,
  }
}

export interface RequestWithAnswer {
  request: RosterRequest
  answer: RosterAnswer | null
}

/** Leave and swap requests touching `month`, each with its answer (the first, if two tablets answered offline). */
export async function monthRequests(db: DeskbookDb, siteId: string, month: string): Promise<RequestWithAnswer[]> {
  const requests = (await db.rosterRequests.where('date').between(`${month}-01`, `${month}-31`, true, true).toArray()).filter((r) => r.siteId === siteId)
  const answers = requests.length ? await db.rosterAnswers.where('requestId').anyOf(requests.map((r) => r.id)).toArray() : []
  const first = new Map<string, RosterAnswer>()
  for (const a of answers.sort((x, y) => x.at - y.at)) if (!first.has(a.requestId)) first.set(a.requestId, a)
  return requests.sort((a, b) => a.at - b.at).map((request) => ({ request, answer: first.get(request.id) ?? null }))
}
