/** 导出 Excel of the month's report from 统计: the same tables the print holds, read when asked, saved as a download. */
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showFailToast } from '@client/modules/vant'
import { saveFile } from '@client/components/save-file'
import { XLSX_TYPE } from '@client/components/exceljs'
import { useSessionStore } from '@client/stores/session'
import { useStatisticsReportLoader } from '../composables/useStatisticsReport'
import { reportTables } from '../print/report-tables'
import { reportXlsx } from './report-workbook'

export function useReportExport(month: Ref<string>): { exporting: Ref<boolean>; exportXlsx: () => Promise<void> } {
  const { t } = useI18n()
  const session = useSessionStore()
  const load = useStatisticsReportLoader()
  const exporting = ref(false)
  async function exportXlsx(): Promise<void> {
    exporting.value = true
    try {
      const { stats, names } = await load(month.value, Date.now())
      const tables = reportTables(stats, t, (id) => names.get(id) ?? t('statistics.unknownStaff'))
      const title = `${session.local?.site.name ?? ''} ${t('statistics.report.title')} ${month.value}`
      saveFile(await reportXlsx(tables, t('statistics.report.sheet'), title), `${t('statistics.report.title')}-${month.value}.xlsx`, XLSX_TYPE)
    } catch (e) {
      console.error('exporting the statistics report failed', e)
      showFailToast(t('statistics.report.exportFailed'))
    } finally {
      exporting.value = false
    }
  }
  return { exporting, exportXlsx }
}
