import type { RegisterInput, RegisteringActor } from '@client/db/register/receptions'
import { newId } from '@shared/domain/ids'

export function makeRegisterInput(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    receivedAt: Date.UTC(2026, 10, 27, 2),
    channel: 'visit',
    relayedBy: '',
    room: '3-2-1101',
    roomId: null,
    customerId: null,
    customerName: '王建国',
    honorific: 'mr',
    phone: '13812345678',
    matter: '厨房水龙头漏水',
    category: 'repair',
    urgency: 'normal',
    ...overrides,
  }
}

export function makeRegisteringActor(overrides: Partial<RegisteringActor> = {}): RegisteringActor {
  return { siteId: newId(), deviceId: newId(), staffId: newId(), letter: 'A', timezone: 'Asia/Shanghai', ...overrides }
}
