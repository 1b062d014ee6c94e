import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import { awaitingHandover, mayEndDuty } from '@client/db/duty/duty-start-rules'
import { escalatedEntries, parseShiftKey, type DutyEntry } from '@shared/domain/duty-log'
import { localDate } from '@shared/domain/time'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { useShiftTypes } from '@client/composables/useShiftTypes'
import { useDayNotes } from '@client/composables/useDayNotes'
import { dutyState, expectedIncoming, loginDutyOf, rosteredOn, rosteredShift, startedBy } from '@client/db/duty/duty-start'
import { pinDayNote, recentEntries, recordNoShow, startDuty, type DutyProblem } from '@client/db/duty/duty-log'
import { carriedTo } from '@client/db/duty/handover'
import { problemKeys } from '@client/components/error-message'

/**
 * The duty part of the today screen (issue 5 points 1, 2, 5): the clerk's shift, whether they wait for
 * the handover (篇2 4.2.8) and may end duty, what the handover passed on to them (篇2 4.3.5), what was reported
 * up to this role (篇2 4.2.3), and the day's notes (篇2 4.4.4). Once the month's roster is approved it says who
 * stands the shift now and next (issue 13 point 4): nobody starts duty with a button then.
 */
export function useTodayDuty() {
  const db = useDb()
  const router = useRouter()
  const session = useSessionStore()
  const now = useNow(15_000)
  const types = useShiftTypes()
  const tz = computed(() => session.timezone)
  const lead = computed(() => session.local?.settings.handoverLeadMinutes ?? 15)
  const siteId = (): string => session.local?.site.id ?? ''
  const me = (): string => session.staff?.id ?? ''

  const state = useLiveQuery(async () => (session.local ? dutyState(db, siteId(), types.value, tz.value, now.value) : null), null, [types, now])
  const mine = computed(() => (state.value ? startedBy(state.value, me(), types.value, tz.value) : []))
  const handed = (key: string): boolean => !!state.value?.handedOver.has(key)
  const awaiting = computed(() => awaitingHandover(mine.value, handed, now.value))
  /** Until the log is read, nobody may end duty: a clerk waiting for the handover must never slip through. */
  const endCheck = computed(() => (state.value ? mayEndDuty(mine.value, handed, now.value) : ({ ok: false, reason: 'loading' } as const)))
  const loginDuty = computed(() => (state.value && session.staff ? loginDutyOf(state.value, me(), now.value, lead.value) : null))
  /**
   * Shown only to those who stand the desk and have not started the shift on now (a failed start at login,
   * an administrator) — and only without an approved roster: with one, the roster says who is on duty.
   */
  const canStart = computed(() => {
    const s = state.value
    const current = s?.current
    if (!s || !current || rosteredShift(s, current.key) || !session.may('dutyLog.write') || s.handedOver.has(current.key) || s.onDuty.get(current.key)?.has(me())) return false
    // Not while a handover is due (it starts the duty), nor while this clerk's own shift waits for one.
    return !takeOver.value && !awaiting.value
  })
  const takeOver = computed(() => (session.may('handover.sign') && loginDuty.value && 'takeOver' in loginDuty.value ? loginDuty.value.takeOver : null))
  /** The handover due is not this clerk's by the roster: they may still cover, and it is recorded (非排班接班). */
  const takeOverOffRoster = computed(() => !!takeOver.value && !!loginDuty.value && 'offRoster' in loginDuty.value)
  /** Who the roster has on the shift now and next, and whether this person stands the shift now. */
  const roster = computed(() => {
    const s = state.value
    if (!s) return null
    const currentIds = [...(s.current ? (s.onDuty.get(s.current.key) ?? []) : [])]
    return {
      rostered: rosteredShift(s, s.current?.key ?? s.next?.key),
      current: s.current ? rosteredOn(s, s.current.key) : null,
      takenOver: currentIds.filter((id) => !rosteredOn(s, s.current?.key).includes(id)),
      next: s.next ? rosteredOn(s, s.next.key) : null,
      // The next shift may open a month with or without a roster of its own (a month's last night).
      nextRostered: rosteredShift(s, s.next?.key),
      nextMonth: s.next ? (parseShiftKey(s.next.key)?.date.slice(0, 7) ?? null) : null,
      mine: currentIds.includes(me()) ? ('current' as const) : rosteredOn(s, s.next?.key).includes(me()) ? ('next' as const) : null,
    }
  })
  /** The rostered clerks expected to take over the shift this clerk waits to hand over (篇2 4.2.7–4.2.8). */
  const expected = computed(() => (state.value && awaiting.value ? expectedIncoming(state.value, awaiting.value.key) : []))

  const read = useLiveQuery<DutyEntry[] | null>(async () => (session.local ? recentEntries(db, siteId(), now.value, 14) : []), null, [now])
  const entries = computed(() => read.value ?? [])
  /** The log has been read once: only what arrives after that is news (a notification). */
  const entriesLoaded = computed(() => read.value !== null)
  const noShowRecorded = computed(() => !!awaiting.value && entries.value.some((e) => e.kind === 'noShow' && e.shiftKey === awaiting.value!.key && e.staffId === me()))
  /** 篇2 4.2.3: beyond the clerk's authority to the administrator, major matters to the supervisor. */
  const escalatedTo = computed(() => (session.staff?.role === 'supervisor' ? 'supervisor' : session.staff?.role === 'administrator' ? 'administrator' : null))
  const escalated = computed(() => (escalatedTo.value ? escalatedEntries(entries.value, escalatedTo.value).sort((a, b) => b.at - a.at) : []))

  const currentKey = computed(() => state.value?.current?.key ?? null)
  const carried = useLiveQuery(async () => (currentKey.value && session.staff ? carriedTo(db, siteId(), me(), currentKey.value, now.value) : null), null, [currentKey, now])
  const notes = useDayNotes(() => localDate(now.value, tz.value))

  const busy = ref(false)
  const problems = ref<string[]>([])
  async function run(fn: (actor: ReturnType<typeof session.actor> & { staffId: string }) => Promise<unknown>): Promise<boolean> {
    if (!session.staff) return false
    busy.value = true
    problems.value = []
    try {
      await fn({ ...session.actor(), staffId: session.staff.id })
      return true
    } catch (e) {
      problems.value = problemKeys<DutyProblem>(e, (p) => `dutyLog.problems.${p}`)
      return false
    } finally {
      busy.value = false
    }
  }
  const role = () => session.staff!.role

  return {
    now,
    tz,
    awaiting,
    endCheck,
    canStart,
    takeOver,
    takeOverOffRoster,
    roster,
    expected,
    noShowRecorded,
    escalatedTo,
    escalated,
    entriesLoaded,
    carried,
    notes,
    busy,
    problems,
    start: () => run((actor) => (state.value?.current ? startDuty(db, actor, role(), state.value.current.key, Date.now()) : Promise.resolve(null))),
    noShow: (note: string) => run((actor) => recordNoShow(db, actor, role(), awaiting.value!.key, note.trim(), Date.now())),
    /** The problems of pinning a day's note (none when pinned). */
    pinNote: async (text: string) => ((await run((actor) => pinDayNote(db, actor, role(), localDate(Date.now(), tz.value), text, Date.now()))) ? [] : problems.value),
    /** 结束值班: only once nothing of this clerk's waits for a handover (篇2 4.2.8); then the tablet is free for the next person. */
    async endDuty(): Promise<void> {
      if (!endCheck.value.ok) return
      session.signOut()
      await router.replace({ name: 'login' })
    },
  }
}
