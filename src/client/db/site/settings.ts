/** Changing a site's settings: validated, then written with its outbox entry. */
import { SettingsSchema, settingsProblems, type Settings } from '@shared/domain/settings'
import { assertValid, ValidationError } from '@shared/domain/validation'
import type { DeskbookDb } from '../database'
import { writeRecords, type Actor } from '../write-records'

export async function saveSettings(db: DeskbookDb, actor: Actor, next: Settings, now = Date.now()): Promise<Settings> {
  const settings = assertValid(SettingsSchema, next)
  const cross = settingsProblems(settings)
  if (cross.length) throw new ValidationError(cross.map((code) => ({ path: '/managerEscalationHours', code, message: code })))
  const before = await db.settings.get(settings.siteId)
  // Only the fields that changed travel, so concurrent edits of different fields both stand (issue 3).
  const fields = Object.fromEntries(
    Object.entries(settings).filter(([k, v]) => k !== 'siteId' && before?.[k as keyof Settings] !== v),
  )
  if (before && !Object.keys(fields).length) return settings
  await writeRecords(db, actor, [{ table: 'settings', row: settings, key: settings.siteId, name: 'settings.put', fields: before ? fields : undefined }], now)
  return settings
}
