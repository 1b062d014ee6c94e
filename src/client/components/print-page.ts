/**
 * What a print page (/print/*) knows once for every sheet in it: the site's name and time zone, and the
 * moment it opened — the printed-at stamp in each sheet's footer. A page is read when it opens and
 * printed as it was read (usePrintSnapshot), so the stamp is that moment, not the moment of printing.
 *
 * PrintJobPage provides it and every PrintSheet under it prints from it. A view that needs it in its own
 * code (a range of dates, today's date) calls usePrintPage() first; the page under it then shares that
 * one, so there is a single moment per page.
 */
import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'
import { formatDateTime } from '@shared/domain/time'
import { useSessionStore } from '@client/stores/session'

export interface PrintPage {
  /** When the page opened (ms since the epoch). */
  readonly now: number
  readonly timezone: ComputedRef<string>
  readonly siteName: ComputedRef<string>
  /** 打印时间 in the sheets' footers: `now` in the site's time zone; empty on a blank form. */
  readonly printedAt: string
}

const KEY: InjectionKey<PrintPage> = Symbol('print-page')

/** The print page this component is in; outside one, a new one for it and everything under it. */
export function usePrintPage(): PrintPage {
  const given = inject(KEY, null)
  if (given) return given
  const session = useSessionStore()
  const now = Date.now()
  const timezone = computed(() => session.timezone)
  return providePrintPage({ now, timezone, siteName: computed(() => session.local?.site.name ?? ''), printedAt: formatDateTime(now, timezone.value) })
}

/** Everything under the calling component prints from `page`. */
export function providePrintPage(page: PrintPage): PrintPage {
  provide(KEY, page)
  return page
}
