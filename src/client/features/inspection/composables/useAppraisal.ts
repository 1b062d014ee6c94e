/**
 * The appraisal of a month (issue 6 point 5): the site's nonconformities and staff kept current, summed
 * per person by `appraisal` of shared/domain; the XLSX export of the same table.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { appraisal, monthsUpTo } from '@shared/domain/inspection-quota'
import { useDb } from '@client/modules/db'
import { showFailToast, showSuccessToast } from '@client/modules/vant'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useSiteStaff } from '@client/composables/useSiteStaff'
import { nonconformitiesWithVerifications } from '@client/db/inspection/inspections'
import { appraisalCodes, appraisalRows, appraisalSheet, appraisedStaffIds, type AppraisalRow } from '../appraisal/appraisal-table'
import { appraisalXlsx } from '../export/appraisal-workbook'
import { XLSX_TYPE } from '@client/components/exceljs'
import { saveFile } from '@client/components/save-file'

/** The months before shown as the trend. */
const BACK = 3

export function useAppraisal(month: Ref<string>): { rows: ComputedRef<AppraisalRow[]>; codes: ComputedRef<string[]>; months: ComputedRef<string[]>; exporting: Ref<boolean>; exportXlsx: () => Promise<void> } {
  const db = useDb()
  const session = useSessionStore()
  const { t } = useI18n()
  const { staff } = useSiteStaff()
  const siteId = (): string => session.local?.site.id ?? ''
  const data = useLiveQuery(() => nonconformitiesWithVerifications(db, siteId()), { nonconformities: [], verifications: [] }, [siteId])
  const tz = computed(() => session.timezone)
  const months = computed(() => monthsUpTo(month.value, BACK))
  const lines = computed(() => {
    const ncs = data.value.nonconformities
    return appraisal(appraisedStaffIds(staff.value, ncs), ncs, month.value, tz.value, BACK)
  })
  // Inactive people are listed only when something counts against them in the months shown.
  const shown = computed(() => lines.value.filter((l) => l.total || l.before.some(Boolean) || staff.value.some((s) => s.id === l.staffId && s.active)))
  const codes = computed(() => appraisalCodes(shown.value))
  const rows = computed(() => appraisalRows(shown.value, staff.value, codes.value, t('inspectionReports.unknownStaff')))

  const exporting = ref(false)
  async function exportXlsx(): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
      const title = t('inspectionReports.appraisal.sheetTitle', { site: session.local?.site.name ?? '', month: month.value })
      const bytes = await appraisalXlsx(appraisalSheet(rows.value, codes.value, months.value, t), t('inspectionReports.appraisal.sheet'), title)
      saveFile(bytes, t('inspectionReports.appraisal.fileName', { month: month.value }), XLSX_TYPE)
      showSuccessToast(t('inspectionReports.appraisal.exported', { n: rows.value.length }))
    } catch (e) {
      console.error('appraisal export failed', e)
      showFailToast(t('inspectionReports.appraisal.exportFailed'))
    } finally {
      exporting.value = false
    }
  }
  return { rows, codes, months, exporting, exportXlsx }
}
