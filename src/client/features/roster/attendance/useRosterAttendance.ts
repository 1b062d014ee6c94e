/**
 * The attendance of a month (issue 13 point 5), kept current: what `readAttendanceMonth` reads (the roster in
 * force, requests and answers, handovers and the duty log) set against each other by `attendanceOf`; and its
 * XLSX export.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDateTime } from '@shared/domain/time'
import { monthWords } from '@client/components/roster-request-words'
import { attendanceOf } from '@shared/domain/roster-attendance'
import { useDb } from '@client/modules/db'
import { showFailToast, showSuccessToast } from '@client/modules/vant'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'
import { XLSX_TYPE } from '@client/components/exceljs'
import { saveFile } from '@client/components/save-file'
import { attendanceRows, attendanceSheet, type AttendanceRow } from './attendance-table'
import { attendanceXlsx } from './attendance-workbook'
import { readAttendanceMonth } from './attendance-data'

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
  const data = useLiveQuery(() => readAttendanceMonth(db, siteId(), month.value), null, [month, siteId])
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
