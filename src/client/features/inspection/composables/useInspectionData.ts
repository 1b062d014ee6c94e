/**
 * What the inspection screens read (篇2 4.4; issue 6), kept current with live queries: the site's
 * inspections, open nonconformities, one inspection with all that belongs to it, the checklist in
 * force, and who started duty on a shift. Components read through these, never Dexie itself.
 */
import { computed, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { openNonconformities, type Inspection, type Nonconformity, type Verification } from '@shared/domain/inspection'
import type { InspectionTemplate } from '@shared/domain/inspection-template'
import { parseShiftKey, shiftKey } from '@shared/domain/duty-log'
import { shiftWindow } from '@shared/domain/shift-type'
import { addDays, DAY, localDate } from '@shared/domain/time'
import type { StaffCard } from '@shared/domain/staff'
import { checklistOf, inspectionsBetween, loadInspection, nonconformitiesWithVerifications, type InspectionRecord } from '@client/db/inspection/inspections'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useSiteStaff } from '@client/composables/useSiteStaff'
import { useShiftTypes } from '@client/composables/useShiftTypes'
import { useNow } from '@client/composables/useNow'
import { shiftDuty } from '@client/db/roster/roster-duty'

function useSite() {
  const db = useDb()
  const session = useSessionStore()
  return { db, session, siteId: (): string => session.local?.site.id ?? '' }
}

/** The site's timezone, a minute clock and today (`YYYY-MM-DD`) there. */
export function useSiteTime(): { tz: ComputedRef<string>; now: Ref<number>; today: ComputedRef<string> } {
  const session = useSessionStore()
  const now = useNow(60_000)
  const tz = computed(() => session.timezone)
  return { tz, now, today: computed(() => localDate(now.value, tz.value)) }
}

/** Staff of the site and their names by id (whom an inspection offers: `inspecteeGroups`). */
export function useInspectionStaff(): { staff: ShallowRef<StaffCard[]>; nameOf: ComputedRef<(id: string) => string> } {
  const { staff } = useSiteStaff()
  const nameOf = computed(() => {
    const names = new Map(staff.value.map((s) => [s.id, s.name]))
    return (id: string) => names.get(id) ?? '—'
  })
  return { staff, nameOf }
}

/** `2026-11-27 白班` for a shift key (the date alone when its shift type is gone). */
export function useShiftLabel(): ComputedRef<(key: string) => string> {
  const types = useShiftTypes()
  return computed(() => (key: string) => {
    const parsed = parseShiftKey(key)
    if (!parsed) return key
    const type = types.value.find((s) => s.id === parsed.shiftTypeId)
    return type ? `${parsed.date} ${type.name}` : parsed.date
  })
}

/** Shifts that have started in the last two days, latest first: the shifts an inspector may record. */
export function useRecentShifts(now: Ref<number>, tz: ComputedRef<string>): ComputedRef<{ key: string; startsAt: number }[]> {
  const types = useShiftTypes()
  return computed(() => {
    const today = localDate(now.value, tz.value)
    return [addDays(today, -1), today]
      .flatMap((d) => types.value.filter((s) => s.active).map((s) => shiftWindow(s, d, tz.value)))
      .filter((w) => w.startsAt <= now.value)
      .sort((a, b) => b.startsAt - a.startsAt)
      .map((w) => ({ key: shiftKey(w.date, w.shiftType.id), startsAt: w.startsAt }))
  })
}

/**
 * Inspections of the last `days` days, newest first. Who may record inspections sees them all; the
 * others (assistants) only those where they were inspected.
 */
export function useInspectionList(days: Ref<number>): ShallowRef<Inspection[]> {
  const { db, session, siteId } = useSite()
  const me = (): string => session.staff?.id ?? ''
  return useLiveQuery(
    async () => {
      const all = await inspectionsBetween(db, siteId(), Date.now() - days.value * DAY, Number.MAX_SAFE_INTEGER)
      return session.may('inspection.record') ? all : all.filter((i) => i.inspectedIds.includes(me()))
    },
    [],
    [days, siteId, me],
  )
}

/** Nonconformities not yet closed, earliest due first: all of them for inspectors, one's own for the others. */
export function useOpenNonconformities(today: ComputedRef<string>): {
  open: ComputedRef<Nonconformity[]>
  all: ShallowRef<{ nonconformities: Nonconformity[]; verifications: Verification[] }>
} {
  const { db, session, siteId } = useSite()
  const all = useLiveQuery(() => nonconformitiesWithVerifications(db, siteId()), { nonconformities: [], verifications: [] }, [siteId])
  const open = computed(() => openNonconformities(all.value.nonconformities, all.value.verifications, session.may('inspection.record') ? null : (session.staff?.id ?? ''), today.value))
  return { open, all }
}

/** One inspection with its checklist, nonconformities, verifications, responses, photos and signatures. */
export function useInspectionRecord(id: Ref<string>): ShallowRef<InspectionRecord | null | undefined> {
  const { db } = useSite()
  return useLiveQuery<InspectionRecord | null | undefined>(() => loadInspection(db, id.value), undefined, [id])
}

/** The checklist in force (saved: false while the site still uses the regulations' own). */
export function useChecklist(): ShallowRef<{ template: InspectionTemplate; saved: boolean } | null> {
  const { db, siteId } = useSite()
  return useLiveQuery<{ template: InspectionTemplate; saved: boolean } | null>(() => checklistOf(db, siteId()), null, [siteId])
}

/** Who stands the shift: the roster once approved, else their dutyStart entries in the log (篇2 4.2.7). */
export function useOnDuty(key: Ref<string>): ShallowRef<string[]> {
  const { db, siteId } = useSite()
  return useLiveQuery(
    async () => {
      if (!key.value) return []
      // The roster's clerks once the month's is approved, else who started duty (issue 13 point 4).
      return (await shiftDuty(db, siteId(), key.value)).people.map((p) => p.staffId)
    },
    [],
    [key],
  )
}
