import { computed, reactive, ref, watch, type ComputedRef } from 'vue'
import { handoverPair, handoverProblems, isLate, type HandoverProblem } from '@shared/domain/handover'
import { currentShift, nextShift, previousShift, type ShiftWindow } from '@shared/domain/shift-type'
import { shiftKey } from '@shared/domain/duty-log'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { useShiftTypes } from '@client/composables/useShiftTypes'
import { completeHandover, handoverContext, loadHandoverDraft, pendingOf, saveHandoverDraft, type HandoverContext } from '@client/db/duty/handover'
import { usePinCheck } from '@client/composables/usePinCheck'
import { dutyState, rosteredOn, rosteredShift } from '@client/db/duty/duty-start'
import { problemKeys } from '@client/components/error-message'

export interface ShiftSlot {
  key: string
  startsAt: number
  window: ShiftWindow
}

export interface SignatureDraft {
  image: string
  signedAt: number
  name: string
}

/** The guided handover (篇2 4.3): which shifts, what is pending, the draft as it is filled in, and signing off. */
export function useHandover() {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(30_000)
  const types = useShiftTypes()
  const tz = (): string => session.timezone
  const state = useLiveQuery(async () => (session.local ? dutyState(db, session.local.site.id, types.value, tz(), now.value) : null), null, [types, now])
  const slot = (w: ShiftWindow | null): ShiftSlot | null => (w ? { key: shiftKey(w.date, w.shiftType.id), startsAt: w.startsAt, window: w } : null)
  const pair = computed(() => {
    const s = state.value
    if (!s) return null
    const previous = slot(previousShift(types.value, now.value, tz()))
    // A shift nobody stood (no one started duty on it) has nothing to hand over (篇2 4.3).
    const done = (key: string): boolean => s.handedOver.has(key) || (key === previous?.key && !s.onDuty.get(key)?.size)
    return handoverPair(previous, slot(currentShift(types.value, now.value, tz())), slot(nextShift(types.value, now.value, tz())), done)
  })
  const context = useLiveQuery<HandoverContext | null>(
    async () => (pair.value && session.local ? handoverContext(db, session.local.site.id, pair.value.from.key, Date.now()) : null),
    null,
    [() => pair.value?.from.key],
  )
  /** Who stood the shift being handed over (the roster's once approved, issue 13 point 4): the outgoing clerk is offered first. */
  const onDuty = computed(() => [...(state.value?.onDuty.get(pair.value?.from.key ?? '') ?? [])])
  /**
   * The roster of the shift taken over: who is expected to take it (应接班), and whether this clerk is one
   * of them. One who is not may still take over; the handover's incoming clerk, compared with the roster,
   * records it (非排班接班) — nothing more is stored.
   */
  const incoming = computed(() => {
    const s = state.value
    const key = pair.value?.to.key
    if (!s || !key || !rosteredShift(s, key)) return { rostered: false, expected: [] as string[], offRoster: false }
    const expected = rosteredOn(s, key)
    return { rostered: true, expected, offRoster: !expected.includes(session.staff?.id ?? '') }
  })

  const draft = reactive({
    started: false,
    /** Who is taking over: a draft is only restored for the same incoming clerk. */
    incomingId: '',
    arrivedAt: 0,
    outgoingId: '',
    explanations: {} as Record<string, string>,
    acknowledged: {} as Record<string, number>,
    checks: {} as Record<string, { ok: boolean | null; note: string }>,
    counts: {} as Record<string, { counted: string; note: string; nextReceiptNo: string }>,
    outgoingSignature: null as SignatureDraft | null,
    incomingSignature: null as SignatureDraft | null,
  })
  // The draft lives on this tablet until both have signed: restored when the page opens again (after a
  // reload, the idle lock, a switch of user), saved as it is filled in.
  type Draft = typeof draft
  let restoredFor: string | null = null
  watch(
    () => pair.value?.from.key,
    async (key) => {
      if (!key || restoredFor === key) return
      restoredFor = key
      const saved = await loadHandoverDraft<Draft>(db, key)
      if (saved?.started && saved.incomingId === session.staff?.id) Object.assign(draft, saved)
    },
    { immediate: true },
  )
  watch(
    draft,
    (d) => {
      const key = pair.value?.from.key
      if (key && d.started && restoredFor === key) void saveHandoverDraft(db, key, d, Date.now()).catch(() => undefined)
    },
    { deep: true },
  )
  watch(context, (ctx) => {
    for (const c of ctx?.counts ?? []) draft.counts[c.itemId] ??= { counted: '', note: '', nextReceiptNo: c.nextReceiptNo }
  })
  watch(onDuty, (ids) => {
    if (!draft.outgoingId) draft.outgoingId = ids.find((id) => id !== session.staff?.id) ?? ''
  })

  /** 篇2 4.3.1: arrival is recorded when the incoming clerk starts the handover. */
  function start(): void {
    draft.incomingId = session.staff?.id ?? ''
    draft.started = true
    draft.arrivedAt = Date.now()
  }

  const late = computed(() => (pair.value && draft.started ? isLate(draft.arrivedAt, pair.value.to.startsAt, session.local?.settings.handoverLeadMinutes ?? 15) : false))
  const counts = computed(() =>
    (context.value?.counts ?? []).map((c) => {
      const entered = draft.counts[c.itemId]
      const counted = entered?.counted.trim() ? Number(entered.counted) : Number.NaN
      return { ...c, counted, note: entered?.note ?? '', nextReceiptNo: entered?.nextReceiptNo ?? c.nextReceiptNo }
    }),
  )
  const problems: ComputedRef<HandoverProblem[]> = computed(() => {
    const ctx = context.value
    if (!ctx || !session.staff) return []
    return handoverProblems(
      {
        outgoingId: draft.outgoingId,
        incomingId: session.staff.id,
        acknowledgements: Object.keys(draft.acknowledged).map((itemId) => ({ itemId })),
        checks: Object.entries(draft.checks).filter(([, c]) => c.ok !== null).map(([checkId, c]) => ({ checkId, ok: c.ok!, note: c.note })),
        counts: counts.value,
        outgoingSignatureId: draft.outgoingSignature ? 'signed' : null,
        incomingSignatureId: draft.incomingSignature ? 'signed' : null,
      },
      pendingOf(ctx),
      ctx.template,
      ctx.alreadyHandedOver,
    )
  })

  /** Each signer confirms with their PIN on this tablet before their signature counts (篇2 4.3.4). */
  const checkPin = usePinCheck()

  async function complete(): Promise<string[]> {
    const ctx = context.value
    const p = pair.value
    const staff = session.staff
    if (!ctx || !p || !staff) return ['handover.problems.noShift']
    const nowMs = Date.now()
    try {
      await completeHandover(db, { ...session.actor(), staffId: staff.id }, {
        fromShiftKey: p.from.key,
        toShiftKey: p.to.key,
        shiftStartsAt: p.to.startsAt,
        leadMinutes: session.local?.settings.handoverLeadMinutes ?? 15,
        outgoingId: draft.outgoingId,
        incomingId: staff.id,
        arrivedAt: draft.arrivedAt || nowMs,
        acknowledgements: pendingOf(ctx)
          .filter((item) => draft.acknowledged[item.itemId])
          .map((item) => ({ kind: item.kind, itemId: item.itemId, explanation: draft.explanations[item.itemId] ?? '', acknowledgedAt: draft.acknowledged[item.itemId]! })),
        checks: ctx.template.checks.map((c) => ({ checkId: c.id, text: c.text, ok: draft.checks[c.id]?.ok === true, note: draft.checks[c.id]?.note ?? '' })),
        counts: counts.value.map((c) => ({ ...c, counted: Number.isFinite(c.counted) ? c.counted : 0 })),
        outgoingSignature: draft.outgoingSignature,
        incomingSignature: draft.incomingSignature,
      })
      return []
    } catch (e) {
      return problemKeys<HandoverProblem>(e, (p) => `handover.problems.${p.code}`)
    }
  }

  return { now, pair, context, onDuty, incoming, draft, start, late, counts, problems, checkPin, complete, busy: ref(false) }
}
