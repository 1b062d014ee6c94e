/**
 * The attendance of a month (issue 13 point 5), kept current: the roster in force and the leave and swap
 * requests with their answers (the roster's repository), the handovers of the month's shifts and the duty
 * log's no-show entries, set against each other by `attendanceOf`; and its XLSX export.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { addMonths } from '@shared/domain/roster'
import { formatDateTime } from '@shared/domain/time'
import { monthWords } from '@client/components/roster-request-words'
import { attendanceOf } from '@shared/domain/roster-attendance'
import type { DeskbookDb } from '@client/db/database'
import { monthRequests, monthVersions } from '@client/db/roster/roster-month'
import { useDb } from '@client/modules/db'
import { showFailToast, showSuccessToast } from '@client/modules/vant'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { XLSX_TYPE } from '@client/components/exceljs'
import { saveFile } from '@client/components/save-file'
import { attendanceRows, attendanceSheet, type AttendanceRow } from './attendance-table'
import { attendanceXlsx } from './attendance-workbook'

/** Shift keys start with their date: a month's shifts are one range of a key index. */
const monthRange = (month: string): [string, string] => [`${month}-01`, `${addMonths(month, 1)}-01`]

async function readMonth(db: DeskbookDb, siteId: string, month: string) {
  const [from, to] = monthRange(month)
  const [versions, requests, handoversFrom, handoversTo, entries, staff] = await Promise.all([
    monthVersions(db, siteId, month),
    monthRequests(db, siteId, month),
    db.handovers.where('fromShiftKey').between(from, to).filter((h) => h.siteId === siteId).toArray(),
    db.handovers.where('toShiftKey').between(from, to).filter((h) => h.siteId === siteId).toArray(),
    db.dutyEntries.where('shiftKey').between(from, to).filter((e) => e.siteId === siteId).toArray(),
    db.staff.where('siteId').equals(siteId).toArray(),
  ])
  const handovers = [...new Map([...handoversFrom, ...handoversTo].map((h) => [h.id, h])).values()]
  return {
    version: versions.inForce?.version ?? null,
    handovers,
    entries,
    requests: requests.map((r) => r.request),
    answers: requests.flatMap((r) => (r.answer ? [r.answer] : [])),
    names: new Map(staff.map((s) => [s.id, s.name])),
  }
}

export interface RosterAttendance {
  rows: ComputedRef<AttendanceRow[]>
  hasRoster: ComputedRef<boolean>
  loaded: ComputedRef<boolean>
  /** The table's title: the month in words and the minute it counts up to. */
  caption: ComputedRef<string>
  exporting: Ref<boolean>
  exportXlsx: () => Promise<void>
}

export function useRosterAttendance(month: Ref<string>): RosterAttendance {
  const db = useDb()
  const session = useSessionStore()
  const { t } = useI18n()
  const now = useNow(60_000)
  const siteId = (): string => session.local?.site.id ?? ''
  const data = useLiveQuery(() => readMonth(db, siteId(), month.value), null, [month, siteId])
  const lines = computed(() => {
    const d = data.value
    if (!d) return []
    return attendanceOf({ month: month.value, ...d, tz: session.timezone, leadMinutes: session.local?.settings.handoverLeadMinutes ?? 15, now: now.value })
  })
  const rows = computed(() => {
    const d = data.value
    const shifts = new Map((d?.version?.snapshot.shifts ?? []).map((s) => [s.id, s.name]))
    const name = (id: string): string => d?.names.get(id) ?? t('rosterAttendance.unknownStaff')
    return attendanceRows(lines.value, (id) => shifts.get(id) ?? '', name, t)
  })

  const asOf = computed(() => formatDateTime(now.value, session.timezone))
  const caption = computed(() => t('rosterAttendance.caption', { month: monthWords(t, month.value), asOf: asOf.value }))
  const exporting = ref(false)
  async function exportXlsx(): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
      const title = t('rosterAttendance.sheetTitle', { site: session.local?.site.name ?? '', month: monthWords(t, month.value), asOf: asOf.value })
      const bytes = await attendanceXlsx(attendanceSheet(rows.value, t), t('rosterAttendance.sheet'), title)
      saveFile(bytes, t('rosterAttendance.fileName', { month: month.value }), XLSX_TYPE)
      showSuccessToast(t('rosterAttendance.exported', { n: rows.value.length }))
    } catch (e) {
      console.error('attendance export failed', e)
      showFailToast(t('rosterAttendance.exportFailed'))
    } finally {
      exporting.value = false
    }
  }
  return { rows, hasRoster: computed(() => !!data.value?.version), loaded: computed(() => data.value !== null), caption, exporting, exportXlsx }
}
