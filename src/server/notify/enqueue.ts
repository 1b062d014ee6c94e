/**
 * What the rule evaluation calls (issue 15 point 3): the events it found go into the outbox, one row per
 * event key and matching channel (its rules and levels), inserted with ON CONFLICT DO NOTHING — so an
 * event is notified once per level however often the rules run and however many processes run them. Run
 * it in the evaluator's transaction: the rows commit with what the evaluation wrote, or not at all.
 */
import { newId } from '@shared/domain/ids'
import type { NotificationEvent } from '@shared/domain/notification'
import type { Db } from '../repositories/records'
import { enabledChannelsOf, type ChannelRow } from '../repositories/notify-channels'
import { insertOutboxRows } from '../repositories/notify-outbox'
import { channelLevels, channelRules } from './channel-input'
import { cleanEvent } from './messages'

/** Does the channel get this event (its site, one of its rules, one of its levels)? */
export const channelWants = (channel: Pick<ChannelRow, 'site_id' | 'rules' | 'levels'>, event: NotificationEvent): boolean =>
  channel.site_id === event.siteId && channelRules(channel).includes(event.rule) && channelLevels(channel).includes(event.level)

/**
 * Queue `events` for the enabled channels that want them; the number of rows new to the outbox.
 * Phone numbers in an event's words are masked before it is stored (messages.ts refuses any left).
 */
export async function enqueueNotifications(db: Db, events: readonly NotificationEvent[], now: number): Promise<number> {
  const channels = await enabledChannelsOf(db, [...new Set(events.map((e) => e.siteId))])
  const rows = events.flatMap((event) =>
    channels
      .filter((c) => channelWants(c, event))
      .map((c) => ({
        id: newId(),
        event_key: event.key,
        channel_id: c.id,
        site_id: event.siteId,
        rule: event.rule,
        event: JSON.stringify(cleanEvent(event)),
        status: 'pending' as const,
        attempts: 0,
        next_at: now,
        last_error: null,
        created_at: now,
        sent_at: null,
      })),
  )
  return insertOutboxRows(db, rows)
}
