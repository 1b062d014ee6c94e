/**
 * exceljs, loaded only when a sheet is read or written (~1 MB; its chunk is precached for offline use),
 * for every feature that reads or writes spreadsheets (archive import, register export, appraisal).
 */
export type ExcelJs = typeof import('exceljs')

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export async function loadExcelJs(): Promise<ExcelJs> {
  // The browser build of exceljs is a CommonJS bundle: its exports may come as the default export.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs }
  return mod.default ?? mod
}
