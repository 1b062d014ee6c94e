import { computed, ref, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Loan, PaidService, Periodical } from '@shared/domain/desk-services'
import { localDate } from '@shared/domain/time'
import { maskPhone } from '@shared/domain/archive'
import {
  loansOfMonth,
  openLoanList,
  paidServicesOfDay,
  periodicalsOfMonth,
  suggestedReceiptNo,
  type LoanWithReturn,
} from '@client/db/duty/desk-services'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useSiteStaff } from '@client/composables/useSiteStaff'
import { useNow } from '@client/composables/useNow'

/** The site's timezone, a minute clock, today (`YYYY-MM-DD`) and this month (`YYYY-MM`) there. */
export function useSiteTime(): { tz: ComputedRef<string>; now: Ref<number>; today: ComputedRef<string>; thisMonth: ComputedRef<string> } {
  const session = useSessionStore()
  const now = useNow(60_000)
  const tz = computed(() => session.timezone)
  const today = computed(() => localDate(now.value, tz.value))
  return { tz, now, today, thisMonth: computed(() => today.value.slice(0, 7)) }
}

/** Who recorded it, by staff id. */
export function useStaffNames(): ComputedRef<(id: string) => string> {
  const { staff } = useSiteStaff()
  return computed(() => {
    const names = new Map(staff.value.map((s) => [s.id, s.name]))
    return (id) => names.get(id) ?? ''
  })
}

function useSite() {
  const db = useDb()
  const session = useSessionStore()
  return { db, siteId: (): string => session.local?.site.id ?? '' }
}

/** A month or date picker's value: the current one until another is chosen, never empty or malformed. */
export function usePicked(current: ComputedRef<string>, pattern: RegExp): Ref<string> {
  const chosen = ref('')
  return computed({ get: () => chosen.value || current.value, set: (v) => (chosen.value = pattern.test(v) ? v : '') })
}

export const MONTH_PATTERN = /^\d{4}-\d{2}$/
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** Periodicals received in `month`, newest first. */
export function usePeriodicals(month: Ref<string>, tz: ComputedRef<string>): ShallowRef<Periodical[]> {
  const { db, siteId } = useSite()
  return useLiveQuery(() => periodicalsOfMonth(db, siteId(), month.value, tz.value), [], [month, tz, siteId])
}

/** Loans still out (oldest first) and the loans of `month` with their returns. */
export function useLoans(month: Ref<string>, tz: ComputedRef<string>): { open: ShallowRef<Loan[]>; history: ShallowRef<LoanWithReturn[]> } {
  const { db, siteId } = useSite()
  return {
    open: useLiveQuery(() => openLoanList(db, siteId()), [], [siteId]),
    history: useLiveQuery(() => loansOfMonth(db, siteId(), month.value, tz.value), [], [month, tz, siteId]),
  }
}

/** Paid services of `date` with their total, and the receipt number to prefill. */
export function usePaidServices(
  date: Ref<string>,
  tz: ComputedRef<string>,
): { day: ShallowRef<{ services: PaidService[]; totalFen: number }>; suggestedReceipt: ShallowRef<string> } {
  const { db, siteId } = useSite()
  return {
    day: useLiveQuery(() => paidServicesOfDay(db, siteId(), date.value, tz.value), { services: [], totalFen: 0 }, [date, tz, siteId]),
    suggestedReceipt: useLiveQuery(() => suggestedReceiptNo(db, siteId()), '', [siteId]),
  }
}

/** Phones in full for roles that contact customers, masked (138****5678) for the others (issue 4 point 5). */
export function usePhoneText(): ComputedRef<(phone: string) => string> {
  const session = useSessionStore()
  return computed(() => {
    const full = session.may('customer.contact')
    return (phone) => (full ? phone : maskPhone(phone))
  })
}
