/**
 * Site settings: the time limits the regulations set, kept as settings with the regulations'
 * defaults so a site can follow its own rules.
 */
import { Type, type Static } from '@sinclair/typebox'
import { IdSchema } from './ids'
import { DEFAULT_TIMEZONE } from './time'

/** PIPL Art. 19 keeps contact details no longer than needed: 3 years on a closed request unless the site sets otherwise. */
export const DEFAULT_RETENTION_YEARS = 3

export const SettingsSchema = Type.Object({
  siteId: IdSchema,
  /** 篇4 3.2.2, 4.7: open longer than this → the supervisor's list. */
  supervisorEscalationHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
  /** 篇4 3.3.2, 4.8: open longer than this → the manager's list. */
  managerEscalationHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  /** 篇3 五: complaints answered or resolved within this many hours. */
  complaintDeadlineHours: Type.Integer({ minimum: 1, maximum: 24 * 7 }),
  /** A shared tablet locks after this many idle minutes (SPEC "Offline and sync"). */
  idleLockMinutes: Type.Integer({ minimum: 1, maximum: 120 }),
  /** 篇2 4.3.1: incoming arrives this many minutes before the shift; later is late (篇2 4.2.7). */
  handoverLeadMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
  /**
   * PIPL Art. 19 (issue 14 point 3): owners' names and phones stay on a closed request this many years, then
   * only the surname and the masked phone remain (retention.ts). Missing on sites set up before it: 3 years.
   */
  contactRetentionYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
})
export type Settings = Static<typeof SettingsSchema>

export function defaultSettings(siteId: string, timezone = DEFAULT_TIMEZONE): Settings {
  return {
    siteId,
    supervisorEscalationHours: 48,
    managerEscalationHours: 7 * 24,
    complaintDeadlineHours: 24,
    idleLockMinutes: 5,
    handoverLeadMinutes: 15,
    timezone,
    contactRetentionYears: DEFAULT_RETENTION_YEARS,
  }
}

/** How many years a site keeps owners' contact details on closed requests. */
export const retentionYears = (s: Pick<Settings, 'contactRetentionYears'> | undefined): number => s?.contactRetentionYears ?? DEFAULT_RETENTION_YEARS

export type SettingsProblem = 'managerBeforeSupervisor'

/** Rules across fields that a schema cannot say. */
export function settingsProblems(s: Settings): SettingsProblem[] {
  return s.managerEscalationHours <= s.supervisorEscalationHours ? ['managerBeforeSupervisor'] : []
}
