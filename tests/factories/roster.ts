/**
 * Records of the monthly roster as a tablet makes them (issue 13): rows of a frozen month, versions,
 * their steps, leave and swap requests and the supervisor's answers. Shared by the unit tests of the
 * shared rules and the server's permission tests.
 */
import { newId } from '@shared/domain/ids'
import { daysOf, type Lane, type RosterRow, type RosterStep, type RosterVersion, type ShiftSnapshot, type StepKind } from '@shared/domain/roster'
import type { RosterAnswer, RosterRequest } from '@shared/domain/roster-request'

export const SHANGHAI = 'Asia/Shanghai'

export function makeShiftSnapshot(overrides: Partial<ShiftSnapshot> = {}): ShiftSnapshot {
  return { id: newId(), code: '白', name: '白班', start: '08:00', end: '20:00', minStaff: 1, ...overrides }
}

/** A row of `month`: every day `code`, but the days `except` names (day of the month → code). */
export function makeRow(staffId: string, month: string, code: string, except: Record<number, string> = {}, lane: Lane = 'desk'): RosterRow {
  return { staffId, name: '李娜', lane, days: daysOf(month).map((_, i) => except[i + 1] ?? code) }
}

export function makeVersion(overrides: Partial<RosterVersion> = {}): RosterVersion {
  return {
    id: newId(),
    siteId: newId(),
    month: '2026-12',
    source: 'draft',
    basedOnId: null,
    reason: '',
    requestId: null,
    snapshot: { shifts: [], rows: [] },
    staffId: newId(),
    at: Date.UTC(2026, 10, 24, 2),
    signatureId: newId(),
    ...overrides,
  }
}

export function makeStep(version: Pick<RosterVersion, 'id' | 'siteId' | 'at'>, step: StepKind, overrides: Partial<RosterStep> = {}): RosterStep {
  return { id: newId(), siteId: version.siteId, versionId: version.id, step, comment: step === 'return' ? '夜班人数不足' : '', staffId: newId(), at: version.at + 3600_000, signatureId: newId(), ...overrides }
}

export function makeRequest(overrides: Partial<RosterRequest> = {}): RosterRequest {
  return { id: newId(), siteId: newId(), kind: 'leave', staffId: newId(), date: '2026-12-10', toDate: '2026-12-10', swapWithId: null, swapDate: null, reason: '家中有事', at: Date.UTC(2026, 10, 27, 2), ...overrides }
}

export function makeAnswer(request: Pick<RosterRequest, 'id' | 'siteId' | 'at'>, overrides: Partial<RosterAnswer> = {}): RosterAnswer {
  return { id: newId(), siteId: request.siteId, requestId: request.id, decision: 'approve', coverId: null, reason: '', versionId: null, staffId: newId(), at: request.at + 3600_000, ...overrides }
}
