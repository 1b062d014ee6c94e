/**
 * The period the console asks statistics for, read from its address (`kind`, `from`, `to`) by the shared
 * period rules, and refused in words when it names none — a malformed or impossible date, an end before the
 * start, longer than the rules allow — never answered with a 500.
 */
import { addDays } from '@shared/domain/time'
import { customPeriod, MAX_PERIOD_DAYS, monthPeriod, periodLength, weekPeriod, type Period, type PeriodKind } from '@shared/domain/statistics'
import { httpError } from '../http/http-error'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^\d{4}-\d{2}$/

const realDate = (d: string): boolean => DATE.test(d) && addDays(d, 0) === d

/** Why a custom period is none, in words. */
function customProblem(from: string, to: string | undefined): string {
  if (!realDate(from)) return '开始日期应为有效日期 YYYY-MM-DD (from must be a date YYYY-MM-DD)'
  if (!to) return '请选择结束日期 (to is required for a custom period)'
  if (!realDate(to)) return '结束日期应为有效日期 YYYY-MM-DD (to must be a date YYYY-MM-DD)'
  if (to < from) return '结束日期早于开始日期 (to is before from)'
  if (periodLength({ from, to }) > MAX_PERIOD_DAYS) return `统计期间最长 ${MAX_PERIOD_DAYS} 天 (at most ${MAX_PERIOD_DAYS} days)`
  return '统计期间无效 (invalid period)'
}

/** The period asked for; a 400 in words when it is none. A month is `from=YYYY-MM` (or any date in it), a week any date in it. */
export function askedPeriod(kind: PeriodKind | undefined, from: string | undefined, to: string | undefined): Period {
  if (!from) throw httpError(400, 'BadPeriod', '请选择统计期间:开始日期或月份 (from is required)')
  if (kind === 'month') {
    const month = MONTH.test(from) ? from : from.slice(0, 7)
    if (realDate(`${month}-01`) && (MONTH.test(from) || realDate(from))) return monthPeriod(month)
    throw httpError(400, 'BadPeriod', '月份应写作 YYYY-MM,例如 2026-11 (month must be YYYY-MM)')
  }
  if (kind === 'week') {
    if (realDate(from)) return weekPeriod(from)
    throw httpError(400, 'BadPeriod', '周内的日期应为有效日期 YYYY-MM-DD (from must be a date YYYY-MM-DD)')
  }
  const period = customPeriod(from, to ?? '')
  if (!period) throw httpError(400, 'BadPeriod', customProblem(from, to))
  return period
}
