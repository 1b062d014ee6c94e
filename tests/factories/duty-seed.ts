/**
 * Duty-log records for the duty benchmark, the printed-log e2e test and the repository's unit tests
 * (issue 5 point 7): entries, handovers with their signatures, the supervisor's reviews and requests
 * registered on the desk, built as the app writes them; and a whole month of them (90 shifts, 3,000
 * entries). Pure and deterministic: runs in Node and in the bench page alike.
 */
import type { DutyEntry } from '@shared/domain/duty-log'
import { shiftKey } from '@shared/domain/duty-log'
import type { Handover } from '@shared/domain/handover'
import { newId } from '@shared/domain/ids'
import type { Reception } from '@shared/domain/reception'
import { formatReference } from '@client/db/register/reference'
import type { Review } from '@shared/domain/review'
import { shiftWindow, type ShiftType } from '@shared/domain/shift-type'
import type { Signature } from '@shared/domain/signature'
import { addDays, MINUTE } from '@shared/domain/time'
import { indexRow, type ReceptionIndexRow } from '@client/db/register/index-row'

/** A 1×1 PNG: a signature the schema accepts, for data that is never looked at. */
export const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

export function makeEntry(siteId: string, overrides: Partial<DutyEntry> & Pick<DutyEntry, 'shiftKey' | 'at' | 'staffId'>): DutyEntry {
  return {
    id: newId(),
    siteId,
    kind: 'entry',
    source: 'call',
    content: '业主来电咨询停水时间',
    urgency: 'normal',
    action: '已告知明日9:00恢复供水',
    notified: '',
    followUp: false,
    escalation: 'none',
    correctsId: null,
    resolvesFollowUp: false,
    paperRef: '',
    createdAt: overrides.at,
    ...overrides,
  }
}

/** A start of duty written when `staffId` logged in on the shift `shiftKey` (issue 5 point 1). */
export const makeDutyStart = (siteId: string, shiftKey: string, staffId: string, at: number): DutyEntry =>
  makeEntry(siteId, { shiftKey, at, staffId, kind: 'dutyStart', source: 'system', content: '', action: '' })

export function makeSignature(siteId: string, subjectType: string, subjectId: string, signerStaffId: string, signerName: string, signedAt: number, image = TINY_PNG): Signature {
  return { id: newId(), siteId, subjectType, subjectId, signerName, signerStaffId, image, signedAt }
}

export interface HandoverParts {
  fromShiftKey: string
  toShiftKey: string
  outgoingId: string
  incomingId: string
  outgoingName: string
  incomingName: string
  /** When the next shift starts; the incoming clerk arrives `arrivedBefore` minutes before (late under 15). */
  shiftStartsAt: number
  arrivedBefore?: number
  acknowledgements?: Handover['acknowledgements']
  counts?: Handover['counts']
  checks?: Handover['checks']
  image?: string
}

/** A signed handover with both signatures, as `completeHandover` writes it. */
export function makeHandover(siteId: string, p: HandoverParts): { handover: Handover; signatures: Signature[] } {
  const id = newId()
  const arrivedAt = p.shiftStartsAt - (p.arrivedBefore ?? 20) * MINUTE
  const outgoing = makeSignature(siteId, 'handover', id, p.outgoingId, p.outgoingName, arrivedAt + 10 * MINUTE, p.image)
  const incoming = makeSignature(siteId, 'handover', id, p.incomingId, p.incomingName, arrivedAt + 11 * MINUTE, p.image)
  const handover: Handover = {
    id,
    siteId,
    fromShiftKey: p.fromShiftKey,
    toShiftKey: p.toShiftKey,
    outgoingId: p.outgoingId,
    incomingId: p.incomingId,
    arrivedAt,
    shiftStartsAt: p.shiftStartsAt,
    late: (p.arrivedBefore ?? 20) < 15,
    acknowledgements: p.acknowledgements ?? [],
    checks: p.checks ?? [
      { checkId: 'supplies', text: '前台各种工作用品完好、整洁、有序', ok: true, note: '' },
      { checkId: 'equipment', text: '电话、电脑、对讲机工作正常', ok: true, note: '' },
    ],
    counts: p.counts ?? [
      { itemId: 'keys', name: '钥匙', kind: 'count', expected: 12, counted: 12, note: '', nextReceiptNo: '' },
      { itemId: 'receipts', name: '收款收据', kind: 'receiptBook', expected: 1, counted: 1, note: '', nextReceiptNo: 'A000124' },
    ],
    outgoingSignatureId: outgoing.id,
    incomingSignatureId: incoming.id,
    outgoingSignedAt: outgoing.signedAt,
    incomingSignedAt: incoming.signedAt,
    createdAt: incoming.signedAt,
  }
  return { handover, signatures: [outgoing, incoming] }
}

export function makeReview(siteId: string, period: string, reviewerId: string, at: number, comment = ''): Review {
  return { id: newId(), siteId, kind: 'dutyLogDaily', period, reviewerId, at, covered: [], openCount: 0, comment, signatureId: null }
}

/** A request registered on the desk, with its index row. */
export function makeRegistered(siteId: string, receiverId: string, receivedAt: number, date: string, seq: number, overrides: Partial<Reception> = {}): { reception: Reception; index: ReceptionIndexRow } {
  const reception: Reception = {
    id: newId(),
    siteId,
    ref: formatReference(date, 'A', seq),
    receivedAt,
    channel: 'phone',
    receiverId,
    relayedBy: '',
    room: `3-2-${1100 + (seq % 30)}`,
    roomId: null,
    customerId: null,
    customerName: `业主${String(seq).padStart(4, '0')}`,
    honorific: 'mr',
    phone: `1381234${String(seq).padStart(4, '0')}`,
    matter: '厨房水龙头漏水',
    category: 'repair',
    urgency: 'normal',
    createdAt: receivedAt,
    ...overrides,
  }
  return { reception, index: indexRow(reception, []) }
}

export interface DutyMonth {
  entries: DutyEntry[]
  handovers: Handover[]
  signatures: Signature[]
  reviews: Review[]
  receptions: Reception[]
  index: ReceptionIndexRow[]
  shifts: number
}

/**
 * A month of logs at one site: every shift of every day with its entries (every 25th copied from
 * paper, every 40th corrected), its starts of duty, a signed handover to the next shift with the open
 * follow-ups acknowledged, a review of each day but the last, and `receptionsPerShift` requests.
 */
export function dutyMonth(opts: {
  siteId: string
  month: string
  types: readonly ShiftType[]
  clerks: readonly { id: string; name: string }[]
  supervisorId: string
  entries: number
  receptionsPerShift?: number
  tz: string
  image?: string
}): DutyMonth {
  const out: DutyMonth = { entries: [], handovers: [], signatures: [], reviews: [], receptions: [], index: [], shifts: 0 }
  const days: string[] = []
  for (let d = `${opts.month}-01`; d.startsWith(opts.month); d = addDays(d, 1)) days.push(d)
  const windows = days.flatMap((date) => opts.types.map((type) => ({ key: shiftKey(date, type.id), ...shiftWindow(type, date, opts.tz) }))).sort((a, b) => a.startsAt - b.startsAt)
  out.shifts = windows.length
  const perShift = Math.floor(opts.entries / windows.length)
  let extra = opts.entries - perShift * windows.length
  let seq = 0
  windows.forEach((w, i) => {
    const clerk = opts.clerks[i % opts.clerks.length]!
    const next = opts.clerks[(i + 1) % opts.clerks.length]!
    out.entries.push(makeEntry(opts.siteId, { shiftKey: w.key, at: w.startsAt, staffId: clerk.id, kind: 'dutyStart', source: 'system', content: '', action: '' }))
    const n = perShift + (extra-- > 0 ? 1 : 0)
    const span = w.endsAt - w.startsAt
    const open: DutyEntry[] = []
    for (let j = 0; j < n; j++) {
      seq++
      const at = w.startsAt + Math.floor(((j + 1) * span) / (n + 2))
      const entry = makeEntry(opts.siteId, {
        shiftKey: w.key,
        at,
        staffId: clerk.id,
        content: `E${String(seq).padStart(5, '0')} ${seq % 7 === 0 ? '巡查发现3栋地下车库入口积水,已通知工程部抽水并设置警示牌,请下一班继续关注水位变化' : '业主来电咨询停水时间'}`,
        source: (['call', 'visit', 'patrol', 'system', 'other'] as const)[seq % 5],
        followUp: seq % 11 === 0,
        paperRef: seq % 25 === 0 ? `纸-${seq}` : '',
      })
      out.entries.push(entry)
      if (entry.followUp) open.push(entry)
      if (seq % 40 === 0) out.entries.push({ ...entry, id: newId(), correctsId: entry.id, content: `${entry.content}(已更正)`, createdAt: at + 5 * MINUTE })
    }
    for (let r = 0; r < (opts.receptionsPerShift ?? 0); r++) {
      const { reception, index } = makeRegistered(opts.siteId, clerk.id, w.startsAt + (r + 1) * 17 * MINUTE, w.date, 500 + i * 10 + r)
      out.receptions.push(reception)
      out.index.push(index)
    }
    const to = windows[i + 1]
    if (!to) return
    const { handover, signatures } = makeHandover(opts.siteId, {
      fromShiftKey: w.key,
      toShiftKey: to.key,
      outgoingId: clerk.id,
      incomingId: next.id,
      outgoingName: clerk.name,
      incomingName: next.name,
      shiftStartsAt: to.startsAt,
      image: opts.image,
      acknowledgements: open.map((e) => ({ kind: 'dutyEntry' as const, itemId: e.id, explanation: '已电话联系,等待回复', acknowledgedAt: to.startsAt - 15 * MINUTE })),
    })
    out.handovers.push(handover)
    out.signatures.push(...signatures)
  })
  for (const date of days.slice(0, -1)) out.reviews.push(makeReview(opts.siteId, date, opts.supervisorId, windows.at(-1)!.endsAt, '记录完整'))
  return out
}
