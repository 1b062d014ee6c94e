import { computed, inject, provide, reactive, ref, shallowRef, type ComputedRef, type InjectionKey, type Ref, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { findHeaderRow, suggestMapping, type ColumnMapping, type ImportField } from '@client/features/archive/import/import-columns'
import { problemRows } from '@client/features/archive/import/import-rows'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { checkImport, runImport, type ImportCheck, type ImportResult } from '@client/features/archive/import/import-run'
import { refusal } from '@client/db/errors'
import { errorMessageKey } from '@client/components/error-message'
import { saveFile } from '@client/components/save-file'
import { readSheet, SheetReadError, type SheetData } from '../import/read-sheet'
import { skippedXlsx } from '../import/skipped-sheet'
import { XLSX_TYPE } from '@client/components/exceljs'
import { skippedReason } from './import-problem-text'

export type ImportStep = 'file' | 'columns' | 'done'

export interface ArchiveImport {
  step: ComputedRef<ImportStep>
  fileName: Ref<string>
  reading: Ref<boolean>
  /** i18n key of why the file cannot be read. */
  readError: Ref<string | null>
  sheet: ShallowRef<SheetData | null>
  headerIndex: Ref<number>
  mapping: ColumnMapping
  check: ShallowRef<ImportCheck | null>
  checking: Ref<boolean>
  progress: Ref<{ done: number; total: number } | null>
  /** i18n key of why the import failed (nothing was written). */
  importError: Ref<string | null>
  result: ShallowRef<ImportResult | null>
  chooseFile(file: File): Promise<void>
  setField(column: number, field: ImportField | null): void
  runCheck(): Promise<void>
  /** Write the checked rows; with `skipProblems`, the rows with problems are left out (the clerk's explicit choice). */
  start(skipProblems?: boolean): Promise<void>
  /** The rows with problems (skipped, or found by the check) as an XLSX with a 原因 column, to correct and import again. */
  downloadSkipped(): Promise<void>
  reset(): void
}

/** The import page's steps: read the file, map its columns, check every row, then write all in one go. */
export function useArchiveImport(): ArchiveImport {
  const { t } = useI18n()
  const db = useDb()
  const session = useSessionStore()
  const fileName = ref('')
  const reading = ref(false)
  const readError = ref<string | null>(null)
  const sheet = shallowRef<SheetData | null>(null)
  const headerIndex = ref(0)
  const mapping = reactive<ColumnMapping>([])
  const check = shallowRef<ImportCheck | null>(null)
  const checking = ref(false)
  const progress = ref<{ done: number; total: number } | null>(null)
  const importError = ref<string | null>(null)
  const result = shallowRef<ImportResult | null>(null)

  function reset(): void {
    fileName.value = ''
    readError.value = null
    sheet.value = null
    mapping.splice(0)
    check.value = null
    progress.value = null
    importError.value = null
    result.value = null
  }

  return {
    step: computed(() => (result.value ? 'done' : sheet.value ? 'columns' : 'file')),
    fileName,
    reading,
    readError,
    sheet,
    headerIndex,
    mapping,
    check,
    checking,
    progress,
    importError,
    result,
    reset,
    async chooseFile(file) {
      reset()
      fileName.value = file.name
      reading.value = true
      try {
        const read = await readSheet(await file.arrayBuffer())
        headerIndex.value = findHeaderRow(read.rows)
        const suggested = suggestMapping(read.rows[headerIndex.value] ?? [])
        mapping.push(...Array.from({ length: read.columnCount }, (_, i) => suggested[i] ?? null))
        sheet.value = read
      } catch (e) {
        readError.value = e instanceof SheetReadError ? `archive.import.readErrors.${e.code}` : 'archive.import.readErrors.notSpreadsheet'
      } finally {
        reading.value = false
      }
    },
    setField(column, field) {
      mapping[column] = field
      check.value = null
    },
    async runCheck() {
      if (!sheet.value) return
      checking.value = true
      try {
        check.value = await checkImport(db, session.actor().siteId, sheet.value, headerIndex.value, [...mapping])
      } finally {
        checking.value = false
      }
    },
    async start(skipProblems = false) {
      const plan = check.value?.plan
      const problems = check.value?.problems ?? []
      if (!plan || (problems.length && !skipProblems)) return
      importError.value = null
      progress.value = { done: 0, total: 1 }
      try {
        result.value = await runImport(db, session.actor(), plan, { skipRows: problemRows(problems), onProgress: (done, total) => (progress.value = { done, total }) })
      } catch (e) {
        // Someone (a sync) changed the archive since the check: check again and show the new problems; nothing was written.
        const refused = !!refusal(e)
        if (refused && sheet.value) check.value = await checkImport(db, session.actor().siteId, sheet.value, headerIndex.value, [...mapping])
        importError.value = refused ? 'archive.import.importFailed' : errorMessageKey(e)
      } finally {
        progress.value = null
      }
    },
    async downloadSkipped() {
      const read = sheet.value
      const problems = result.value?.skipped ?? check.value?.problems ?? []
      if (!read || !problems.length) return
      const bytes = await skippedXlsx(read, headerIndex.value, read.columnCount, problems, {
        sheetName: t('archive.import.skipped.sheetName'),
        reasonHeader: t('archive.import.skipped.reasonHeader'),
        reason: (row, list) => skippedReason(t, row, list),
      })
      saveFile(bytes, t('archive.import.skipped.fileName', { name: fileName.value.replace(/\.[^.]*$/, '') }), XLSX_TYPE)
    },
  }
}

const IMPORT_KEY: InjectionKey<ArchiveImport> = Symbol('archive-import')

/** The import page makes the one state its step components share. */
export function provideArchiveImport(): ArchiveImport {
  const state = useArchiveImport()
  provide(IMPORT_KEY, state)
  return state
}

export function injectArchiveImport(): ArchiveImport {
  const state = inject(IMPORT_KEY)
  if (!state) throw new Error('archive import state not provided')
  return state
}
