/** Export buttons' behaviour: the same rows as the print, to XLSX or CSV, saved by the browser. */
import { ref, type Ref } from 'vue'
import { exportFileName, type DateRange } from '@client/features/register/rows/register-scope'
import { registerTable, type RegisterRow } from '@client/features/register/rows/register-rows'
import { showFailToast, showSuccessToast } from '@client/modules/vant'
import { useRegisterText } from '../print/composables/useRegisterText'
import { CSV_TYPE, registerCsv, registerXlsx } from './register-workbook'
import { XLSX_TYPE } from '@client/components/exceljs'
import { saveFile } from '@client/components/save-file'
import { useI18n } from 'vue-i18n'
import type { AccessInput } from '@client/db/access/access-trail'
import { useAccessTrail } from '@client/composables/useAccessTrail'

export type ExportFormat = 'xlsx' | 'csv'

/** `trail`: what the access trail records of an export with full phones (null when they are masked). */
export function useRegisterExport(
  rows: Ref<readonly RegisterRow[]>,
  range: Ref<DateRange>,
  trail: () => AccessInput | null = () => null,
): { exporting: Ref<ExportFormat | null>; exportRegister: (format: ExportFormat) => Promise<void> } {
  const t = useRegisterText()
  const { t: tr } = useI18n()
  const access = useAccessTrail()
  const exporting = ref<ExportFormat | null>(null)

  async function exportRegister(format: ExportFormat): Promise<void> {
    if (exporting.value) return
    exporting.value = format
    try {
      const recorded = trail()
      // Full phones leave the tablet only once the trail holds it (issue 14 point 2).
      if (recorded && !(await access.record({ ...recorded, kind: 'exportPhones' }))) {
        showFailToast(tr('accessTrail.failed'))
        return
      }
      const table = registerTable(rows.value, t)
      const bytes = format === 'xlsx' ? await registerXlsx(table, t('export.sheet')) : await registerCsv(table, t('export.sheet'))
      saveFile(bytes, exportFileName(range.value, format, t), format === 'xlsx' ? XLSX_TYPE : CSV_TYPE)
      showSuccessToast(t('export.done', { n: table.rows.length }))
    } catch (e) {
      console.error('export failed', e)
      showFailToast(t('export.failed'))
    } finally {
      exporting.value = null
    }
  }
  return { exporting, exportRegister }
}
