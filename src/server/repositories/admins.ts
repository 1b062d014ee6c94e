/** Company administrators of the server console and their sessions. */
import { newId } from '@shared/domain/ids'
import { HOUR } from '@shared/domain/time'
import type { Db } from './records'
import { hashPassword, newToken, sha256, verifyPassword } from '../auth/secrets'

export const SESSION_LIFETIME = 12 * HOUR

export async function countAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('admins').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findAdminId(db: Db, username: string): Promise<string | null> {
  const row = await db.selectFrom('admins').select('id').where('username', '=', username).executeTakeFirst()
  return row?.id ?? null
}

/** Every administrator's username by id (for saying who decided what). */
export async function adminUsernames(db: Db): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('admins').select(['id', 'username']).execute()).map((a) => [a.id, a.username]))
}

export async function createAdmin(db: Db, username: string, password: string, now: number): Promise<string> {
  const id = newId()
  await db.insertInto('admins').values({ id, username, password_hash: await hashPassword(password), created_at: now }).execute()
  return id
}

/** The admin's id when username and password match; null otherwise (same time either way is not promised: rate limiting covers guessing). */
export async function checkPassword(db: Db, username: string, password: string): Promise<string | null> {
  const row = await db.selectFrom('admins').select(['id', 'password_hash']).where('username', '=', username).executeTakeFirst()
  if (!row) return null
  return (await verifyPassword(password, row.password_hash)) ? row.id : null
}

export async function createSession(db: Db, adminId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = newToken('adm')
  const expiresAt = now + SESSION_LIFETIME
  await db.insertInto('admin_sessions').values({ token_hash: sha256(token), admin_id: adminId, created_at: now, expires_at: expiresAt }).execute()
  return { token, expiresAt }
}

export async function findSessionAdmin(db: Db, token: string, now: number): Promise<{ id: string; username: string } | null> {
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
    .select(['admins.id', 'admins.username', 'admin_sessions.expires_at'])
    .where('admin_sessions.token_hash', '=', sha256(token))
    .executeTakeFirst()
  return row && row.expires_at > now ? { id: row.id, username: row.username } : null
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('token_hash', '=', sha256(token)).execute()
}
