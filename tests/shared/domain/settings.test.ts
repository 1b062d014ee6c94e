import { describe, expect, it } from 'vitest'
import { SettingsSchema, defaultSettings, retentionYears, settingsProblems, type Settings } from '@shared/domain/settings'
import { newId } from '@shared/domain/ids'
import { isValid, problems } from '@shared/domain/validation'

const SITE = newId()

describe('defaultSettings', () => {
  it('follows the regulations: 48 h to the supervisor, 168 h to the manager, complaints in 24 h, 15 min handover lead, 5 min idle lock; contacts kept 3 years', () => {
    expect(defaultSettings(SITE)).toEqual({
      siteId: SITE,
      supervisorEscalationHours: 48,
      managerEscalationHours: 168,
      complaintDeadlineHours: 24,
      idleLockMinutes: 5,
      handoverLeadMinutes: 15,
      timezone: 'Asia/Shanghai',
      contactRetentionYears: 3,
    })
  })

  it('keeps contacts 3 years on a site set up before the setting existed', () => {
    const { contactRetentionYears: _, ...before }: Settings = defaultSettings(SITE)
    expect(isValid(SettingsSchema, before)).toBe(true)
    expect(retentionYears(before as Settings)).toBe(3)
    expect(retentionYears({ contactRetentionYears: 5 })).toBe(5)
    expect(isValid(SettingsSchema, { ...before, contactRetentionYears: 0 })).toBe(false)
  })

  it('takes another timezone', () => {
    expect(defaultSettings(SITE, 'Europe/London').timezone).toBe('Europe/London')
  })

  it('is valid against the schema and has no cross-field problems', () => {
    const settings = defaultSettings(SITE)
    expect(isValid(SettingsSchema, settings)).toBe(true)
    expect(settingsProblems(settings)).toEqual([])
  })
})

describe('SettingsSchema', () => {
  it.each<{ name: string; change: Partial<Settings>; path: string; code: string }>([
    { name: 'a site id that is not a UUIDv7', change: { siteId: 'site-1' }, path: '/siteId', code: 'pattern' },
    { name: 'zero escalation hours', change: { supervisorEscalationHours: 0 }, path: '/supervisorEscalationHours', code: 'range' },
    { name: 'more than 90 days to the manager', change: { managerEscalationHours: 24 * 90 + 1 }, path: '/managerEscalationHours', code: 'range' },
    { name: 'a complaint deadline over a week', change: { complaintDeadlineHours: 24 * 7 + 1 }, path: '/complaintDeadlineHours', code: 'range' },
    { name: 'an idle lock of zero minutes', change: { idleLockMinutes: 0 }, path: '/idleLockMinutes', code: 'range' },
    { name: 'a negative handover lead', change: { handoverLeadMinutes: -1 }, path: '/handoverLeadMinutes', code: 'range' },
    { name: 'an empty timezone', change: { timezone: '' }, path: '/timezone', code: 'required' },
  ])('refuses $name', ({ change, path, code }) => {
    const settings = { ...defaultSettings(SITE), ...change }
    expect(isValid(SettingsSchema, settings)).toBe(false)
    expect(problems(SettingsSchema, settings)).toEqual([expect.objectContaining({ path, code })])
  })

  it('accepts a handover lead of zero minutes', () => {
    expect(isValid(SettingsSchema, { ...defaultSettings(SITE), handoverLeadMinutes: 0 })).toBe(true)
  })
})

describe('settingsProblems', () => {
  it.each([
    { supervisor: 48, manager: 168, problems: [] },
    { supervisor: 48, manager: 49, problems: [] },
    { supervisor: 48, manager: 48, problems: ['managerBeforeSupervisor'] },
    { supervisor: 48, manager: 24, problems: ['managerBeforeSupervisor'] },
    { supervisor: 1, manager: 1, problems: ['managerBeforeSupervisor'] },
  ])('supervisor after $supervisor h, manager after $manager h: $problems', ({ supervisor, manager, problems }) => {
    const settings = { ...defaultSettings(SITE), supervisorEscalationHours: supervisor, managerEscalationHours: manager }
    expect(settingsProblems(settings)).toEqual(problems)
  })
})
