/**
 * Drafts of forms (issue 10 point 1): what a person has typed and not saved, kept on this tablet for
 * them alone through the idle lock, a reload and a switch of user. Local only: no outbox entry, never
 * synced, and nobody else's login reads them. Also where each person was when the tablet locked, so
 * the same person returns to the same form.
 */
import type { DeskbookDb } from '../database'
import { plain } from '../plain'
import { toStorageError } from '../errors'

const draftId = (staffId: string, form: string): string => `${staffId}|${form}`
const resumeKey = (staffId: string): string => `resumeRoute:${staffId}`

export async function loadFormDraft<T>(db: DeskbookDb, staffId: string, form: string): Promise<T | null> {
  return ((await db.formDrafts.get(draftId(staffId, form)))?.value as T | undefined) ?? null
}

export async function saveFormDraft(db: DeskbookDb, staffId: string, form: string, value: unknown, now: number): Promise<void> {
  try {
    await db.formDrafts.put({ id: draftId(staffId, form), staffId, form, value: plain(value), updatedAt: now })
  } catch (e) {
    throw toStorageError(e)
  }
}

export async function deleteFormDraft(db: DeskbookDb, staffId: string, form: string): Promise<void> {
  await db.formDrafts.delete(draftId(staffId, form))
}

/** The forms a person has drafts of (newest first). */
export async function listFormDrafts(db: DeskbookDb, staffId: string): Promise<{ form: string; updatedAt: number }[]> {
  const rows = await db.formDrafts.where('staffId').equals(staffId).toArray()
  return rows.sort((a, b) => b.updatedAt - a.updatedAt).map((r) => ({ form: r.form, updatedAt: r.updatedAt }))
}

/** Remember the page a person was on when the tablet locked or they switched user. */
export async function saveResumeRoute(db: DeskbookDb, staffId: string, route: string): Promise<void> {
  await db.meta.put({ key: resumeKey(staffId), value: route })
}

/** The page to return a person to on their next login, once. */
export async function takeResumeRoute(db: DeskbookDb, staffId: string): Promise<string | null> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(resumeKey(staffId))
    if (!row) return null
    await db.meta.delete(resumeKey(staffId))
    return typeof row.value === 'string' ? row.value : null
  })
}
