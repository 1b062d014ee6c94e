/** exceljs, loaded only when a sheet is read or written (~1 MB; its chunk is precached for offline use). */
export type ExcelJs = typeof import('exceljs')

export async function loadExcelJs(): Promise<ExcelJs> {
  // The browser build of exceljs is a CommonJS bundle: its exports may come as the default export.
  const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs }
  return mod.default ?? mod
}
