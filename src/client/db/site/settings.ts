/** Changing a site's settings: checked (the schema by writeRecords), then written with its outbox entry. */
import { settingsProblems, type Settings } from '@shared/domain/settings'
import type { DeskbookDb } from '../database'
import { RecordInvalidError } from '../errors'
import { writeRecords, type Actor } from '../write-records'

/** Refused with RecordInvalidError of settingsProblems' codes (the screen says `errors.invalid`). */
export async function saveSettings(db: DeskbookDb, actor: Actor, settings: Settings, now = Date.now()): Promise<Settings> {
  const cross = settingsProblems(settings)
  if (cross.length) throw new RecordInvalidError(cross)
  const before = await db.settings.get(settings.siteId)
  // Only the fields that changed travel, so concurrent edits of different fields both stand (issue 3).
  const fields = Object.fromEntries(
    Object.entries(settings).filter(([k, v]) => k !== 'siteId' && before?.[k as keyof Settings] !== v),
  )
  if (before && !Object.keys(fields).length) return settings
  await writeRecords(db, actor, [{ name: 'settings.put', row: settings, fields: before ? fields : undefined }], now)
  return settings
}
