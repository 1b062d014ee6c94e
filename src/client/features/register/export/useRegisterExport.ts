/** Export buttons' behaviour: the same rows as the print, to XLSX or CSV, saved by the browser. */
import { ref, type Ref } from 'vue'
import { exportFileName, type DateRange } from '@client/features/register/rows/register-scope'
import { registerTable, type RegisterRow } from '@client/features/register/rows/register-rows'
import { showFailToast, showSuccessToast } from '@client/modules/vant'
import { useRegisterText } from '../print/composables/useRegisterText'
import { CSV_TYPE, registerCsv, registerXlsx } from './register-workbook'
import { XLSX_TYPE } from '@client/components/exceljs'
import { saveFile } from '@client/components/save-file'

export type ExportFormat = 'xlsx' | 'csv'

export function useRegisterExport(rows: Ref<readonly RegisterRow[]>, range: Ref<DateRange>): { exporting: Ref<ExportFormat | null>; exportRegister: (format: ExportFormat) => Promise<void> } {
  const t = useRegisterText()
  const exporting = ref<ExportFormat | null>(null)

  async function exportRegister(format: ExportFormat): Promise<void> {
    if (exporting.value) return
    exporting.value = format
    try {
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
