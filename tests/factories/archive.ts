import { newId } from '@shared/domain/ids'
import { roomLabel, type Customer, type Renovation, type Room } from '@shared/domain/archive'
import type { CustomerInput, RenovationInput, RoomInput } from '@shared/domain/archive-edit'

export function makeRoom(overrides: Partial<Room> = {}): Room {
  const building = overrides.building ?? '3'
  const unit = overrides.unit ?? '2'
  const number = overrides.number ?? '1101'
  return { id: newId(), siteId: newId(), building, unit, number, label: roomLabel(building, unit, number), note: '', active: true, ...overrides }
}

export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return { id: newId(), siteId: newId(), roomId: newId(), name: '王建国', honorific: 'mr', relation: 'owner', phones: ['13800138000'], moveInDate: '2019-06-01', note: '', active: true, ...overrides }
}

export function makeRenovation(overrides: Partial<Renovation> = {}): Renovation {
  return { id: newId(), siteId: newId(), roomId: newId(), registeredOn: '2024-03-01', startDate: '2024-03-10', endDate: '2024-06-10', contractor: '美家装饰', contractorPhone: '13900139000', note: '', createdAt: 1_700_000_000_000, ...overrides }
}

export const roomInput = (overrides: Partial<RoomInput> = {}): RoomInput => ({ id: null, building: '3栋', unit: '2单元', number: '1101', note: '', active: true, ...overrides })

export const customerInput = (roomId: string, overrides: Partial<CustomerInput> = {}): CustomerInput => ({
  id: null,
  roomId,
  name: '王建国',
  honorific: 'mr',
  relation: 'owner',
  phones: ['138 0013 8000'],
  moveInDate: '2019-06-01',
  note: '',
  active: true,
  ...overrides,
})

export const renovationInput = (roomId: string, overrides: Partial<RenovationInput> = {}): RenovationInput => ({
  id: null,
  roomId,
  registeredOn: '2024-03-01',
  startDate: '2024-03-10',
  endDate: '2024-06-10',
  contractor: '美家装饰',
  contractorPhone: '139-0013-9000',
  note: '',
  ...overrides,
})
