/**
 * What the console's notification-channel API takes and answers (issue 15 points 2 and 5): one description
 * for the server's schemas and the console's types. A channel's secrets go in (write only) and come back
 * only as their last four characters.
 */
import { Type, type Static } from '@sinclair/typebox'
import { NOTIFY_LEVELS, NOTIFY_RULES } from '../domain/notification'
import { literalUnion } from '../domain/literal-union'

export const CHANNEL_KINDS = ['wecom', 'dingtalk'] as const
export type ChannelKind = (typeof CHANNEL_KINDS)[number]

/** Lengths and shapes only: what is wrong with a value is said in words by the server (notify/channel-input.ts). */
export const ChannelInputSchema = Type.Object(
  {
    kind: literalUnion(CHANNEL_KINDS),
    name: Type.String({ maxLength: 60 }),
    /** WeCom: the webhook's key (or the whole webhook address, the key is taken from it). '' or absent on an edit: keep. */
    key: Type.Optional(Type.String({ maxLength: 300 })),
    /** DingTalk: the access token (or the whole webhook address) and the 加签 secret (SEC…). */
    token: Type.Optional(Type.String({ maxLength: 300 })),
    secret: Type.Optional(Type.String({ maxLength: 200 })),
    rules: Type.Array(literalUnion(NOTIFY_RULES), { maxItems: NOTIFY_RULES.length, uniqueItems: true }),
    levels: Type.Array(literalUnion(NOTIFY_LEVELS), { maxItems: NOTIFY_LEVELS.length, uniqueItems: true }),
    /** Site-local `HH:MM`, or '' for none. */
    quietStart: Type.String({ maxLength: 5 }),
    quietEnd: Type.String({ maxLength: 5 }),
    digestAt: Type.String({ maxLength: 5 }),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type ChannelInput = Static<typeof ChannelInputSchema>

export const ChannelViewSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  kind: literalUnion(CHANNEL_KINDS),
  name: Type.String(),
  /** The secrets' last four characters (`••••a1b2`), by field; never the secret. */
  hints: Type.Record(Type.String(), Type.String()),
  rules: Type.Array(literalUnion(NOTIFY_RULES)),
  levels: Type.Array(literalUnion(NOTIFY_LEVELS)),
  quietStart: Type.String(),
  quietEnd: Type.String(),
  digestAt: Type.String(),
  enabled: Type.Boolean(),
  /** Why the platform refused its configuration, in Chinese; null while it works. */
  failing: Type.Union([Type.String(), Type.Null()]),
  /** When it is tried again while failing. */
  retryAt: Type.Union([Type.Integer(), Type.Null()]),
  pending: Type.Integer(),
  dead: Type.Integer(),
})
export type ChannelView = Static<typeof ChannelViewSchema>

/** The platform's answer to 发送测试消息 (or why it was not reached), with its meaning in Chinese. */
export const ChannelTestAnswerSchema = Type.Object({
  ok: Type.Boolean(),
  errcode: Type.Union([Type.Integer(), Type.Null()]),
  errmsg: Type.String(),
  message: Type.String(),
})
export type ChannelTestAnswer = Static<typeof ChannelTestAnswerSchema>

/** A delivery that keeps failing (retried) or failed for good (dead): shown in the console. */
export const NotifyFailureSchema = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  channel: Type.String(),
  rule: literalUnion(NOTIFY_RULES),
  room: Type.String(),
  summary: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('dead')]),
  attempts: Type.Integer(),
  lastError: Type.String(),
  nextAt: Type.Integer(),
  createdAt: Type.Integer(),
})
export type NotifyFailure = Static<typeof NotifyFailureSchema>
