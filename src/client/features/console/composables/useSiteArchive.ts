/**
 * A site's data to take away (issue 12 point 7), from the console: export it as a JSON archive or an
 * Excel workbook (owners' phones only when ticked), list its recent exports, and import an archive
 * onto this server. Every action returns an error message or null, like useConsole's.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { SiteExport, SiteImportResult } from '@shared/sync/admin-api'
import { saveFile } from '@client/components/save-file'
import { XLSX_TYPE } from '@client/components/exceljs'
import { attempt, ConsoleError, type ConsoleSite } from './useConsoleApi'
import type { ConsoleState } from './useConsole'

export type ExportFormat = SiteExport['format']

const TYPES: Record<ExportFormat, string> = { json: 'application/json', xlsx: XLSX_TYPE }

export function useSiteArchive(state: ConsoleState) {
  const exports: ShallowRef<SiteExport[]> = shallowRef([])
  /** What is under way: an export's format, or the import. */
  const busy: Ref<ExportFormat | 'import' | null> = ref(null)

  async function busyWith(what: ExportFormat | 'import', fn: () => Promise<void>): Promise<string | null> {
    busy.value = what
    try {
      return await attempt(fn)
    } finally {
      busy.value = null
    }
  }

  async function loadExports(site: ConsoleSite): Promise<void> {
    exports.value = await state.call<SiteExport[]>('GET', `/api/admin/sites/${encodeURIComponent(site.id)}/exports`)
  }

  return {
    exports,
    busy,
    loadExports,
    /** Downloads the file; the list then shows this export too. */
    exportSite(site: ConsoleSite, format: ExportFormat, phones: boolean): Promise<string | null> {
      return busyWith(format, async () => {
        try {
          const file = await state.download(`/api/admin/sites/${encodeURIComponent(site.id)}/export?format=${format}${phones ? '&phones=true' : ''}`, `deskbook-export.${format}`)
          saveFile(file.bytes, file.name, TYPES[format])
        } finally {
          await loadExports(site).catch(() => undefined)
        }
      })
    },
    /** `notJson`: the message for a file that is not JSON at all. */
    importArchive(file: File, notJson: string, done: (result: SiteImportResult) => void): Promise<string | null> {
      return busyWith('import', async () => {
        let archive: unknown
        try {
          archive = JSON.parse(await file.text())
        } catch {
          throw new ConsoleError(notJson)
        }
        done(await state.call<SiteImportResult>('POST', '/api/admin/sites/import', archive))
        await state.load()
      })
    },
  }
}
