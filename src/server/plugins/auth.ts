/**
 * Who is asking: an enrolled tablet (`Bearer dev_…`) or a console administrator (`Bearer adm_…`).
 * Routes declare which they need with `onRequest: app.requireDevice` / `app.requireAdmin`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { PROTOCOL_HEADER } from '@shared/sync/protocol'
import type { ServerDb } from '../db/connection'
import { findDeviceByTokenHash, touchDevice, type DeviceRow } from '../repositories/devices'
import { findSessionAdmin } from '../repositories/admins'
import { sha256 } from '../auth/secrets'
import { httpError } from '../http/http-error'

declare module 'fastify' {
  interface FastifyRequest {
    device: DeviceRow | null
    admin: { id: string; username: string } | null
  }
  interface FastifyInstance {
    requireDevice: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    /** Like requireDevice, but a revoked device gets through (its last push is quarantined). */
    requireDeviceEvenRevoked: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    requireAdmin: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    requireProtocol: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
}

function bearer(req: FastifyRequest, prefix: string): string | null {
  const h = req.headers.authorization
  if (!h || !h.startsWith('Bearer ')) return null
  const token = h.slice(7).trim()
  return token.startsWith(`${prefix}_`) && token.length < 200 ? token : null
}

async function authPlugin(app: FastifyInstance, opts: { db: ServerDb; now: () => number; minClientProtocol: number }): Promise<void> {
  app.decorateRequest('device', null)
  app.decorateRequest('admin', null)

  const loadDevice = async (req: FastifyRequest, allowRevoked: boolean): Promise<void> => {
    const token = bearer(req, 'dev')
    const device = token ? await findDeviceByTokenHash(opts.db.kysely, sha256(token)) : null
    if (!device) throw httpError(401, 'Unauthorized', '服务器不认得这台平板:连接已失效,或服务器已从备份恢复。请向管理员要一个注册码,在 设置 → 公司服务器 重新加入,平板上的记录不会丢失 (unknown device token: enrol again)')
    if (device.revoked_at !== null && !allowRevoked) throw httpError(403, 'DeviceRevoked', '这台平板已被管理员停用 (device revoked)')
    const now = opts.now()
    if (!device.last_seen_at || now - device.last_seen_at > 60_000) await touchDevice(opts.db.kysely, device.id, now)
    req.device = device
  }

  app.decorate('requireDevice', (req: FastifyRequest) => loadDevice(req, false))
  app.decorate('requireDeviceEvenRevoked', (req: FastifyRequest) => loadDevice(req, true))
  app.decorate('requireAdmin', async (req: FastifyRequest) => {
    const token = bearer(req, 'adm')
    const admin = token ? await findSessionAdmin(opts.db.kysely, token, opts.now()) : null
    if (!admin) throw httpError(401, 'Unauthorized', '请先登录管理后台 (administrator login required)')
    req.admin = admin
  })
  app.decorate('requireProtocol', async (req: FastifyRequest) => {
    const raw = req.headers[PROTOCOL_HEADER]
    const version = Number(Array.isArray(raw) ? raw[0] : raw)
    if (!Number.isInteger(version) || version < 1) throw httpError(400, 'BadRequest', `缺少协议版本 (missing ${PROTOCOL_HEADER} header)`)
    if (version < opts.minClientProtocol) throw httpError(426, 'UpgradeRequired', '应用版本太旧,请更新后再同步;未同步的记录会保留在平板上 (please update the app)')
  })
}

export const auth = fp(authPlugin, { name: 'auth' })
