import { describe, expect, it } from 'vitest'
import type { Role } from '@shared/domain/role'
import {
  DutyEntrySchema,
  SHIFT_KEY_PATTERN,
  currentEntries,
  dutyEntryProblems,
  escalatedEntries,
  lockedLogProblem,
  loggedEntries,
  openFollowUps,
  parseShiftKey,
  shiftKey,
  type DutyEntry,
  type DutyEntryProblem,
  type LockedLogProblem,
} from '@shared/domain/duty-log'
import { problems } from '@shared/domain/validation'
import { HOUR, MINUTE } from '@shared/domain/time'

const SITE = '01930000-0000-7000-8000-000000000001'
const CLERK = '01930000-0000-7000-8000-0000000000a1'
const DAY_SHIFT = '01930000-0000-7000-8000-0000000000c1'
/** 2026-11-27 10:00 in Shanghai. */
const T0 = Date.UTC(2026, 10, 27, 2)
const KEY = shiftKey('2026-11-27', DAY_SHIFT)

/** Ids in creation order, as UUIDv7 ids sort: `id(2)` was made after `id(1)`. */
const id = (n: number): string => `01930000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`

function entry(n: number, overrides: Partial<DutyEntry> = {}): DutyEntry {
  return {
    id: id(n),
    siteId: SITE,
    shiftKey: KEY,
    kind: 'entry',
    at: T0 + n * MINUTE,
    source: 'call',
    content: `记录 ${n}`,
    urgency: 'normal',
    action: '',
    notified: '',
    followUp: false,
    escalation: 'none',
    staffId: CLERK,
    correctsId: null,
    resolvesFollowUp: false,
    paperRef: '',
    createdAt: T0 + n * MINUTE,
    ...overrides,
  }
}
/** Entry `n` correcting entry `of`. */
const correction = (n: number, of: number, overrides: Partial<DutyEntry> = {}): DutyEntry => entry(n, { correctsId: id(of), content: `记录 ${of} 更正 ${n}`, ...overrides })
/** Entry `n` recording the result of entry `of`'s follow-up. */
const resolution = (n: number, of: number, overrides: Partial<DutyEntry> = {}): DutyEntry => entry(n, { correctsId: id(of), resolvesFollowUp: true, content: `已处理 ${of}`, ...overrides })

describe('shiftKey / parseShiftKey: one log per shift, the same on every tablet', () => {
  it.each([
    { date: '2026-11-27', shiftTypeId: DAY_SHIFT },
    { date: '2026-12-31', shiftTypeId: '01930000-0000-7000-8000-0000000000c2' },
    { date: '2024-02-29', shiftTypeId: 'abcdef01-2345-7678-9abc-def012345678' },
  ])('$date / $shiftTypeId round-trips', ({ date, shiftTypeId }) => {
    const key = shiftKey(date, shiftTypeId)
    expect(key).toBe(`${date}/${shiftTypeId}`)
    expect(key).toMatch(new RegExp(SHIFT_KEY_PATTERN))
    expect(parseShiftKey(key)).toEqual({ date, shiftTypeId })
  })

  it.each([
    { name: 'an empty string', key: '' },
    { name: 'a date alone', key: '2026-11-27' },
    { name: 'a shift type alone', key: DAY_SHIFT },
    { name: 'no separator', key: `2026-11-27${DAY_SHIFT}` },
    { name: 'the wrong separator', key: `2026-11-27_${DAY_SHIFT}` },
    { name: 'the parts swapped', key: `${DAY_SHIFT}/2026-11-27` },
    { name: 'a date with slashes', key: `2026/11/27/${DAY_SHIFT}` },
    { name: 'a short date', key: `2026-11-7/${DAY_SHIFT}` },
    { name: 'a shift type id too short', key: `2026-11-27/${DAY_SHIFT.slice(1)}` },
    { name: 'a shift type id too long', key: `2026-11-27/${DAY_SHIFT}0` },
    { name: 'a shift type id in capitals', key: `2026-11-27/${DAY_SHIFT.toUpperCase()}` },
    { name: 'a shift code instead of an id', key: '2026-11-27/白' },
    { name: 'leading blanks', key: ` 2026-11-27/${DAY_SHIFT}` },
    { name: 'a trailing newline', key: `2026-11-27/${DAY_SHIFT}\n` },
  ])('rejects $name', ({ key }) => {
    expect(parseShiftKey(key)).toBeNull()
    expect(problems(DutyEntrySchema, entry(1, { shiftKey: key })).map((p) => p.path)).toContain('/shiftKey')
  })
})

describe('dutyEntryProblems (4.2.2: objective, clear, complete)', () => {
  const now = T0
  it.each<{ name: string; change: Partial<DutyEntry>; want: DutyEntryProblem[] }>([
    { name: 'a complete entry', change: {}, want: [] },
    { name: 'an entry without content', change: { content: '' }, want: ['contentRequired'] },
    { name: 'an entry of blanks only', change: { content: ' \n\t ' }, want: ['contentRequired'] },
    { name: 'the start of duty needs no content', change: { kind: 'dutyStart', content: '' }, want: [] },
    { name: 'a no-show needs no content', change: { kind: 'noShow', content: '' }, want: [] },
    { name: 'a correction', change: { correctsId: id(9) }, want: [] },
    { name: 'a follow-up result naming its entry', change: { correctsId: id(9), resolvesFollowUp: true }, want: [] },
    { name: 'a follow-up result naming no entry', change: { resolvesFollowUp: true }, want: ['correctsRequired'] },
    { name: 'in the past', change: { at: now - 30 * HOUR }, want: [] },
    { name: 'now', change: { at: now }, want: [] },
    { name: 'exactly an hour ahead (a tablet clock off a little)', change: { at: now + HOUR }, want: [] },
    { name: 'an hour and a millisecond ahead', change: { at: now + HOUR + 1 }, want: ['atInFuture'] },
    { name: 'tomorrow', change: { at: now + 24 * HOUR }, want: ['atInFuture'] },
    { name: 'everything wrong at once, in order', change: { content: '', resolvesFollowUp: true, at: now + 2 * HOUR }, want: ['contentRequired', 'correctsRequired', 'atInFuture'] },
  ])('$name → $want', ({ change, want }) => {
    expect(dutyEntryProblems({ ...entry(1), at: now, ...change }, now)).toEqual(want)
  })
})

type Row = { id: string; rootId: string; resolved: boolean; corrected: boolean }
const rows = (entries: DutyEntry[]): Row[] =>
  currentEntries(entries)
    .map((c) => ({ id: c.entry.id, rootId: c.rootId, resolved: c.resolved, corrected: c.corrected }))
    .sort((a, b) => (a.rootId < b.rootId ? -1 : 1))
const row = (n: number, root = n, flags: Partial<Pick<Row, 'resolved' | 'corrected'>> = {}): Row => ({ id: id(n), rootId: id(root), resolved: false, corrected: false, ...flags })
const ids = (entries: DutyEntry[]): string[] => entries.map((e) => e.id).sort()

describe('currentEntries: the log as it reads now (corrections replace, nothing is lost)', () => {
  it.each<{ name: string; entries: DutyEntry[]; want: Row[] }>([
    { name: 'no entries', entries: [], want: [] },
    { name: 'entries as written', entries: [entry(1), entry(2), entry(3)], want: [row(1), row(2), row(3)] },
    { name: 'a correction replaces the entry', entries: [entry(1), correction(2, 1)], want: [row(2, 1, { corrected: true })] },
    { name: 'a chain of corrections: the last one stands', entries: [entry(1), correction(2, 1), correction(3, 2), correction(4, 3)], want: [row(4, 1, { corrected: true })] },
    { name: 'two tablets correcting the same entry: the later one stands', entries: [entry(1), correction(2, 1), correction(3, 1)], want: [row(3, 1, { corrected: true })] },
    { name: 'the order entries arrive in does not matter', entries: [correction(3, 2), entry(5), correction(2, 1), entry(1)], want: [row(3, 1, { corrected: true }), row(5)] },
    { name: 'a correction of an entry not loaded (another shift) stands on its own', entries: [correction(2, 99), entry(3)], want: [row(2), row(3)] },
    { name: 'a result closes the follow-up of the original', entries: [entry(1, { followUp: true }), resolution(2, 1)], want: [row(1, 1, { resolved: true }), row(2)] },
    { name: 'a result of the corrected entry closes it', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true }), resolution(3, 2)], want: [row(2, 1, { resolved: true, corrected: true }), row(3)] },
    { name: 'a result of the original closes its correction too', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true }), resolution(3, 1)], want: [row(2, 1, { resolved: true, corrected: true }), row(3)] },
    { name: 'a correction after the result stays closed', entries: [entry(1, { followUp: true }), resolution(2, 1), correction(3, 1, { followUp: true })], want: [row(3, 1, { resolved: true, corrected: true }), row(2)] },
    { name: 'a correction of a result replaces the result, not the entry', entries: [entry(1, { followUp: true }), resolution(2, 1), correction(3, 2)], want: [row(1, 1, { resolved: true }), row(3, 2, { corrected: true })] },
    { name: 'a result of an entry of another shift is in this log', entries: [resolution(5, 99)], want: [row(5)] },
  ])('$name', ({ entries, want }) => {
    expect(rows(entries)).toEqual(want.sort((a, b) => (a.rootId < b.rootId ? -1 : 1)))
  })

  it('keeps the latest version’s fields and every entry, results included (4.2.2 不可遗漏)', () => {
    const entries = [entry(1, { content: '3-2-1101 报漏水', followUp: true }), correction(2, 1, { content: '3-2-1102 报漏水', followUp: true }), resolution(3, 2, { content: '工程部已修复,业主确认' })]
    const current = currentEntries(entries)
    expect(current.map((c) => c.entry.content).sort()).toEqual(['3-2-1102 报漏水', '工程部已修复,业主确认'])
    expect(current.find((c) => c.rootId === id(1))).toMatchObject({ resolved: true, corrected: true })
  })

  it('does not change the list it is given', () => {
    const entries = [correction(2, 1), entry(1)]
    const copy = structuredClone(entries)
    currentEntries(entries)
    expect(entries).toEqual(copy)
  })
})

const HANDOVER = '01930000-0000-7000-8000-0000000000d1'
const INCOMING = '01930000-0000-7000-8000-0000000000a2'
/** Entry `n` correcting entry `of` on the log locked by HANDOVER (更正 after the handover). */
const late = (n: number, of: number, overrides: Partial<DutyEntry> = {}): DutyEntry => correction(n, of, { afterHandoverId: HANDOVER, ...overrides })

describe('lockedLogProblem (4.3.4–4.3.5: a locked log takes a correction of its entries, nothing else)', () => {
  const other = shiftKey('2026-11-26', DAY_SHIFT)
  it.each<{ name: string; e: DutyEntry; target: DutyEntry | null; handover: string | null; role?: Role; want: LockedLogProblem | null }>([
    { name: 'an open log: any entry', e: entry(2), target: null, handover: null, want: null },
    { name: 'an open log: a correction', e: correction(2, 1), target: entry(1), handover: null, want: null },
    { name: 'an open log: a correction claiming a handover', e: late(2, 1), target: entry(1), handover: null, want: 'notThisHandover' },
    { name: 'locked: a correction of its entry naming the handover', e: late(2, 1), target: entry(1), handover: HANDOVER, want: null },
    { name: 'locked: a correction of a correction made after it', e: late(3, 2), target: late(2, 1), handover: HANDOVER, want: null },
    { name: 'locked: the time, source, content, urgency, action and who was told may change', e: late(2, 1, { at: T0, source: 'patrol', urgency: 'emergency', action: '已处理', notified: '王工' }), target: entry(1), handover: HANDOVER, want: null },
    { name: 'locked: a new entry', e: entry(2), target: null, handover: HANDOVER, want: 'notACorrection' },
    { name: 'locked: a new entry naming the handover', e: entry(2, { afterHandoverId: HANDOVER }), target: null, handover: HANDOVER, want: 'notACorrection' },
    { name: 'locked: a follow-up’s result', e: resolution(2, 1, { afterHandoverId: HANDOVER }), target: entry(1, { followUp: true }), handover: HANDOVER, want: 'notACorrection' },
    { name: 'locked: a start of duty', e: entry(2, { kind: 'dutyStart', content: '', afterHandoverId: HANDOVER }), target: null, handover: HANDOVER, want: 'notACorrection' },
    { name: 'locked: a no-show', e: late(2, 1, { kind: 'noShow' }), target: entry(1), handover: HANDOVER, want: 'notACorrection' },
    { name: 'locked: a correction of an entry not found', e: late(2, 1), target: null, handover: HANDOVER, want: 'notOfThisShift' },
    { name: 'locked: a correction of another shift’s entry', e: late(2, 1), target: entry(1, { shiftKey: other }), handover: HANDOVER, want: 'notOfThisShift' },
    { name: 'locked: a correction of a start of duty', e: late(2, 1), target: entry(1, { kind: 'dutyStart' }), handover: HANDOVER, want: 'notOfThisShift' },
    { name: 'locked: a correction made before it, arriving after (no handover named)', e: correction(2, 1), target: entry(1), handover: HANDOVER, want: 'notThisHandover' },
    { name: 'locked: a correction naming another handover', e: late(2, 1, { afterHandoverId: '01930000-0000-7000-8000-0000000000d9' }), target: entry(1), handover: HANDOVER, want: 'notThisHandover' },
    { name: 'locked: a correction dropping the follow-up handed over', e: late(2, 1, { followUp: false }), target: entry(1, { followUp: true }), handover: HANDOVER, want: 'changesHandedOver' },
    { name: 'locked: a correction adding a follow-up', e: late(2, 1, { followUp: true }), target: entry(1), handover: HANDOVER, want: 'changesHandedOver' },
    { name: 'locked: a correction escalating it now', e: late(2, 1, { escalation: 'supervisor' }), target: entry(1), handover: HANDOVER, want: 'changesHandedOver' },
    // 篇2 4.1.2: the desk staff correct their shifts' logs; the supervisor reviews them, the manager neither.
    { name: 'locked: the 客服管理员 corrects', e: late(2, 1), target: entry(1), handover: HANDOVER, role: 'administrator', want: null },
    { name: 'locked: the supervisor may not correct', e: late(2, 1), target: entry(1), handover: HANDOVER, role: 'supervisor', want: 'notDeskStaff' },
    { name: 'locked: the manager may not correct', e: late(2, 1), target: entry(1), handover: HANDOVER, role: 'manager', want: 'notDeskStaff' },
    { name: 'an open log: the supervisor writes as before', e: entry(2), target: null, handover: null, role: 'supervisor', want: null },
  ])('$name', ({ e, target, handover, role, want }) => {
    expect(lockedLogProblem(e, target, handover, role ?? 'assistant')).toBe(want)
  })
})

describe('loggedEntries: the log as both clerks signed it, corrections made after beside it', () => {
  const passedOn = (...itemIds: number[]): { to: string; itemIds: string[] } => ({ to: INCOMING, itemIds: itemIds.map(id) })

  it('keeps the entry as signed and lists the corrections made after the handover beneath it, oldest first', () => {
    const entries = [entry(1, { content: '3栋电梯困人' }), correction(2, 1, { content: '3栋2号电梯困人' }), late(4, 3, { createdAt: T0 + 5 * HOUR }), late(3, 2, { createdAt: T0 + 4 * HOUR }), entry(5)]
    const logged = loggedEntries(entries)
    expect(logged.map((c) => [c.entry.id, c.lateCorrections.map((x) => x.id)])).toEqual([
      [id(2), [id(3), id(4)]],
      [id(5), []],
    ])
    expect(logged[0]).toMatchObject({ rootId: id(1), corrected: true, resolved: false })
    // What the rest of the app reads as the entry now is the latest correction.
    expect(currentEntries(entries).find((c) => c.rootId === id(1))!.entry.id).toBe(id(4))
  })

  it.each<{ name: string; entries: DutyEntry[]; passed: { to: string; itemIds: string[] } | null; handedTo: (string | null)[] }>([
    { name: 'not handed over: nothing passed on', entries: [entry(1, { followUp: true })], passed: null, handedTo: [null] },
    { name: 'an open follow-up acknowledged: passed on to the incoming clerk', entries: [entry(1, { followUp: true }), entry(2)], passed: passedOn(1), handedTo: [INCOMING, null] },
    { name: 'acknowledged by its corrected version', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true })], passed: passedOn(2), handedTo: [INCOMING] },
    { name: 'closed before the handover: not passed on', entries: [entry(1, { followUp: true }), resolution(2, 1)], passed: passedOn(1), handedTo: [null, null] },
    { name: 'an entry without follow-up: not passed on', entries: [entry(1)], passed: passedOn(1), handedTo: [null] },
    { name: 'a follow-up the handover did not list stays open here', entries: [entry(1, { followUp: true })], passed: passedOn(), handedTo: [null] },
    { name: 'corrected after the handover: still passed on', entries: [entry(1, { followUp: true }), late(2, 1, { followUp: true })], passed: passedOn(1), handedTo: [INCOMING] },
  ])('$name', ({ entries, passed, handedTo }) => {
    expect(loggedEntries(entries, passed).map((c) => c.handedTo)).toEqual(handedTo)
  })
})

describe('openFollowUps (4.3.2 a, b; 4.3.5: what the incoming clerk takes over)', () => {
  it.each<{ name: string; entries: DutyEntry[]; open: string[] }>([
    { name: 'nothing flagged', entries: [entry(1), entry(2)], open: [] },
    { name: 'a flagged entry', entries: [entry(1, { followUp: true }), entry(2)], open: [id(1)] },
    { name: 'closed by a result', entries: [entry(1, { followUp: true }), resolution(2, 1)], open: [] },
    { name: 'closed by a result of its correction', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true }), resolution(3, 2)], open: [] },
    { name: 'closed by a result of the original, after a correction', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true }), resolution(3, 1)], open: [] },
    { name: 'closed in a chain: result of the last correction', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true }), correction(3, 2, { followUp: true }), resolution(4, 3)], open: [] },
    { name: 'the corrected version is what is open', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true })], open: [id(2)] },
    { name: 'a correction that drops the flag', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: false })], open: [] },
    { name: 'a correction that adds the flag', entries: [entry(1), correction(2, 1, { followUp: true })], open: [id(2)] },
    { name: 'a result of another entry leaves this one open', entries: [entry(1, { followUp: true }), entry(2, { followUp: true }), resolution(3, 2)], open: [id(1)] },
    { name: 'a correction that is not a result does not close it', entries: [entry(1, { followUp: true }), correction(2, 1, { followUp: true, content: '已联系业主,明天上门' })], open: [id(2)] },
    { name: 'the start of duty is no follow-up, flagged or not', entries: [entry(1, { kind: 'dutyStart', content: '', followUp: true })], open: [] },
    { name: 'a no-show is no follow-up, flagged or not', entries: [entry(1, { kind: 'noShow', content: '', followUp: true })], open: [] },
    { name: 'a paper entry copied afterwards (补录) is followed up like any', entries: [entry(1, { followUp: true, paperRef: '纸质 第3页' })], open: [id(1)] },
  ])('$name', ({ entries, open }) => {
    expect(ids(openFollowUps(entries))).toEqual(open)
  })
})

describe('escalatedEntries (4.2.3: to the administrator beyond the clerk’s authority, major matters to the supervisor)', () => {
  const admin = (n: number, overrides: Partial<DutyEntry> = {}): DutyEntry => entry(n, { escalation: 'administrator', ...overrides })
  const sup = (n: number, overrides: Partial<DutyEntry> = {}): DutyEntry => entry(n, { escalation: 'supervisor', ...overrides })

  it.each<{ name: string; entries: DutyEntry[]; administrator: string[]; supervisor: string[] }>([
    { name: 'none escalated', entries: [entry(1), entry(2)], administrator: [], supervisor: [] },
    { name: 'each to its own', entries: [admin(1), sup(2), entry(3)], administrator: [id(1)], supervisor: [id(2)] },
    { name: 'closed by a later entry', entries: [admin(1), sup(2), resolution(3, 1), resolution(4, 2)], administrator: [], supervisor: [] },
    { name: 'closed without ever being flagged for follow-up', entries: [sup(1, { followUp: false }), resolution(2, 1)], administrator: [], supervisor: [] },
    { name: 'a correction sends it up further', entries: [admin(1), correction(2, 1, { escalation: 'supervisor' })], administrator: [], supervisor: [id(2)] },
    { name: 'a correction takes it back', entries: [sup(1), correction(2, 1, { escalation: 'none' })], administrator: [], supervisor: [] },
    { name: 'closed by a result of its correction', entries: [admin(1), correction(2, 1, { escalation: 'supervisor' }), resolution(3, 2)], administrator: [], supervisor: [] },
    { name: 'a no-show is reported to the supervisor (4.2.8)', entries: [entry(1, { kind: 'noShow', escalation: 'supervisor' })], administrator: [], supervisor: [id(1)] },
    { name: 'a no-show closed by a later entry', entries: [entry(1, { kind: 'noShow', escalation: 'supervisor' }), resolution(2, 1)], administrator: [], supervisor: [] },
    { name: 'a start of duty escalated is not listed', entries: [entry(1, { kind: 'dutyStart', escalation: 'administrator' })], administrator: [], supervisor: [] },
  ])('$name', ({ entries, administrator, supervisor }) => {
    expect(ids(escalatedEntries(entries, 'administrator'))).toEqual(administrator)
    expect(ids(escalatedEntries(entries, 'supervisor'))).toEqual(supervisor)
  })
})

describe('DutyEntrySchema', () => {
  it('accepts a complete entry, a correction and a result', () => {
    expect(problems(DutyEntrySchema, entry(1))).toEqual([])
    expect(problems(DutyEntrySchema, correction(2, 1))).toEqual([])
    expect(problems(DutyEntrySchema, resolution(3, 1))).toEqual([])
    expect(problems(DutyEntrySchema, late(4, 1))).toEqual([])
  })

  it.each<{ name: string; change: Record<string, unknown>; path: string }>([
    { name: 'an unknown kind', change: { kind: 'note' }, path: '/kind' },
    { name: 'an unknown source', change: { source: 'fax' }, path: '/source' },
    { name: 'an unknown escalation', change: { escalation: 'manager' }, path: '/escalation' },
    { name: 'content over 2000 characters', change: { content: '漏'.repeat(2001) }, path: '/content' },
    { name: 'a paper reference over 60 characters', change: { paperRef: 'x'.repeat(61) }, path: '/paperRef' },
    { name: 'a correction of something that is not an id', change: { correctsId: 'entry-1' }, path: '/correctsId' },
    { name: 'a time that is not an integer', change: { at: T0 + 0.5 }, path: '/at' },
    { name: 'a handover that is not an id', change: { afterHandoverId: 'handover-1' }, path: '/afterHandoverId' },
  ])('refuses $name', ({ change, path }) => {
    expect(problems(DutyEntrySchema, { ...entry(1), ...change }).map((p) => p.path)).toContain(path)
  })
})
