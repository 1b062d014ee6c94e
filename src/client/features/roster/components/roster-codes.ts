/** How a cell's code reads: its short mark in the grid and its words for a screen reader. */
import { LEAVE, REST, type ShiftSnapshot } from '@shared/domain/roster'
import type { Translate } from '@client/locales/translate'

export function codeMark(code: string, legend: readonly ShiftSnapshot[], t: Translate): string {
  if (!code) return ''
  if (code === REST || code === LEAVE) return t(`roster.codes.${code}.mark`)
  return legend.find((s) => s.id === code)?.code ?? ''
}

export function codeName(code: string, legend: readonly ShiftSnapshot[], t: Translate): string {
  if (!code) return t('roster.codes.empty')
  if (code === REST || code === LEAVE) return t(`roster.codes.${code}.name`)
  return legend.find((s) => s.id === code)?.name ?? t('roster.codes.empty')
}

/** 12月3日 */
export const dayName = (date: string, t: Translate): string => t('roster.dayName', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) })
