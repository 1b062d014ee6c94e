import type { ImportProblem } from '@client/features/archive/import/import-rows'
import type { Translate } from '@client/locales/translate'


/** A problem in words: its column (`F 列(联系电话)`) and what is wrong, as the table and the skipped sheet say it. */
export function describeProblem(t: Translate, p: ImportProblem): { column: string; text: string } {
  return {
    column: p.column ? t('archive.import.columnName', { column: p.column, header: p.header || p.column }) : '',
    text: t(`archive.import.problemCodes.${p.code}`, { row: p.otherRow ?? '' }),
  }
}

/** Why a skipped row was skipped, for its 原因 cell: its row in the original sheet and each problem. */
export function skippedReason(t: Translate, row: number, problems: readonly ImportProblem[]): string {
  const each = problems.map((p) => {
    const { column, text } = describeProblem(t, p)
    return column ? t('archive.import.skipped.problem', { column, text }) : text
  })
  return t('archive.import.skipped.reason', { row, problems: each.join(t('archive.import.skipped.separator')) })
}
