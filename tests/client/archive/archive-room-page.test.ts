import { afterEach, describe, expect, it } from 'vitest'
import { type VueWrapper } from '@vue/test-utils'
import ArchiveRoomPage from '@client/features/archive/pages/ArchiveRoomPage.vue'
import ArchivePage from '@client/features/archive/pages/ArchivePage.vue'
import { newId } from '@shared/domain/ids'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '@client/db/database'
import { freshDb } from '../../factories/db'
import { makeCustomer, makeRenovation, makeRoom } from '../../factories/archive'
import { mountApp, until as untilPasses } from '../mount'
import { signedIn } from './session'

const SITE = newId()
let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

async function seed(): Promise<string> {
  db = freshDb()
  const room = makeRoom({ siteId: SITE, note: '空调外机在北阳台' })
  await db.rooms.add(room)
  await db.customers.bulkAdd([
    makeCustomer({ siteId: SITE, roomId: room.id, name: '王建国', honorific: 'mr', phones: ['13800138000'] }),
    makeCustomer({ siteId: SITE, roomId: room.id, name: '欧阳娜娜', honorific: 'ms', relation: 'tenant', phones: ['057188886666'], moveInDate: null }),
    makeCustomer({ siteId: SITE, roomId: room.id, name: '李老', relation: 'owner', phones: [], active: false }),
  ])
  await db.renovations.add(makeRenovation({ siteId: SITE, roomId: room.id }))
  await db.receptionIndex.add({
    id: newId(), siteId: SITE, ref: '20240305-A-002', receivedAt: Date.UTC(2024, 2, 5, 2, 30), room: room.label, roomId: room.id, customerName: '王建国', phoneKeys: [],
    category: 'repair', urgency: 'normal', matter: '卫生间漏水', status: 'withDepartment', resolvedAt: null, answeredAt: null, departmentId: null, ownerId: newId(), receiverId: newId(), lastEventAt: 0,
  })
  return room.id
}

async function roomPageAs(role: Role, id: string): Promise<VueWrapper> {
  const { wrapper } = mountApp(ArchiveRoomPage, { props: { id } }, db, signedIn(role, SITE))
  await untilPasses(async () => {
    expect(wrapper.find('h1').exists()).toBe(true)
  })
  return wrapper
}

describe('ArchiveRoomPage', () => {
  it('shows the residents with relation and greeting by surname, phones in full for the desk, renovations and the room’s requests', async () => {
    const wrapper = await roomPageAs('assistant', await seed())
    expect(wrapper.find('h1').text()).toBe('3-2-1101')
    const customers = wrapper.find('[data-testid="archive-customers"]').text()
    expect(customers).toContain('王建国业主称呼:王先生,您好')
    expect(customers).toContain('欧阳娜娜租户称呼:欧阳女士,您好')
    expect(customers).toContain('李老业主已迁出')
    expect(customers).toContain('138 0013 8000')
    expect(customers).toContain('0571-8888 6666')
    expect(wrapper.find('a[href="tel:13800138000"]').exists()).toBe(true)
    const renovations = wrapper.find('[data-testid="archive-renovations"]')
    expect(renovations.text()).toContain('工期:2024-03-10 至 2024-06-10')
    expect(renovations.text()).toContain('139 0013 9000')
    expect(wrapper.find('[data-testid="reveal-phone"]').exists()).toBe(false)
    const request = wrapper.find('[data-testid="archive-requests"] tbody tr')
    expect(request.text()).toContain('20240305-A-002')
    expect(request.text()).toContain('2024-03-05 10:30')
    expect(request.text()).toContain('卫生间漏水')
    expect(request.text()).toContain('已转部门')
    expect(request.find('a').attributes('href')).toMatch(/\/register\/[0-9a-f-]+$/)
    expect(wrapper.findAll('button').some((b) => b.text() === '添加住户')).toBe(true)
  })

  it('masks phones and offers no editing to a role without customer.contact and archive.edit (the manager)', async () => {
    const wrapper = await roomPageAs('manager', await seed())
    const customers = wrapper.find('[data-testid="archive-customers"]').text()
    expect(customers).toContain('138****8000')
    expect(customers).not.toContain('138 0013 8000')
    expect(wrapper.find('a[href^="tel:"]').exists()).toBe(false)
    expect(wrapper.findAll('button').some((b) => ['添加住户', '修改房屋', '添加装修登记'].includes(b.text()))).toBe(false)
  })

  it('lets the manager show one resident’s phone in full, recorded in the access trail first (issue 14 point 2)', async () => {
    const wrapper = await roomPageAs('manager', await seed())
    const asks = () => wrapper.findAll('[data-testid="archive-customers"] [data-testid="reveal-phone"]')
    expect(asks()).toHaveLength(2)
    await asks()[0]!.trigger('click')
    await untilPasses(async () => expect(wrapper.find('[data-testid="archive-customers"]').text()).toContain('138 0013 8000'))
    expect(wrapper.find('[data-testid="archive-customers"]').text()).toContain('057****6666')
    const [entry] = await db.accessTrail.toArray()
    const wang = (await db.customers.toArray()).find((c) => c.name === '王建国')!
    expect(entry).toMatchObject({ kind: 'revealPhone', subjectTable: 'customers', subjectId: wang.id, what: '客户档案 王先生' })
  })

  it('lets the manager show a contractor’s phone in full, recorded in the trail as the renovation, never the phone', async () => {
    const wrapper = await roomPageAs('manager', await seed())
    const renovations = () => wrapper.find('[data-testid="archive-renovations"]')
    expect(renovations().text()).toContain('139****9000')
    await renovations().find('[data-testid="reveal-phone"]').trigger('click')
    await untilPasses(async () => expect(renovations().text()).toContain('139 0013 9000'))
    const [renovation] = await db.renovations.toArray()
    const [entry] = await db.accessTrail.toArray()
    expect(entry).toMatchObject({ kind: 'revealPhone', subjectTable: 'renovations', subjectId: renovation!.id, what: '装修登记 3-2-1101(2024-03-01 登记)' })
    expect(JSON.stringify(entry)).not.toContain('9000')
    expect(wrapper.find('[data-testid="archive-customers"]').text()).toContain('138****8000')
  })

  it('says so when the room does not exist', async () => {
    db = freshDb()
    const { wrapper } = mountApp(ArchiveRoomPage, { props: { id: newId() } }, db, signedIn('assistant', SITE))
    await untilPasses(async () => {
      expect(wrapper.text()).toContain('没有找到这户房屋')
    })
  })
})

describe('ArchivePage', () => {
  it('lists the first building’s rooms and finds people by phone as the clerk types', async () => {
    await seed()
    const { wrapper } = mountApp(ArchivePage, {}, db, signedIn('assistant', SITE))
    await untilPasses(async () => {
      expect(wrapper.find('[data-testid="archive-rooms"]').text()).toContain('3-2-1101王建国、欧阳娜娜')
    })
    expect(wrapper.text()).toContain('共 1 户房屋、3 位客户')
    await wrapper.find('input[name="archive-search"]').setValue('0571 8888')
    await untilPasses(async () => {
      expect(wrapper.find('[data-testid="archive-hits"]').text()).toContain('欧阳娜娜')
    })
    expect(wrapper.find('[data-testid="archive-hits"]').text()).not.toContain('王建国')
    expect(wrapper.find('[data-testid="archive-hits"]').text()).toContain('0571-8888 6666')
    expect(wrapper.find('[data-testid="reveal-phone"]').exists()).toBe(false)
  })

  it('shows the manager a hit’s phone masked; 显示完整号码 records the resident in the trail first (issue 14 point 2)', async () => {
    await seed()
    const { wrapper } = mountApp(ArchivePage, {}, db, signedIn('manager', SITE))
    await untilPasses(async () => expect(wrapper.find('input[name="archive-search"]').exists()).toBe(true))
    await wrapper.find('input[name="archive-search"]').setValue('欧阳')
    const hits = () => wrapper.find('[data-testid="archive-hits"]')
    await untilPasses(async () => expect(hits().text()).toContain('057****6666'))
    expect(await db.accessTrail.count()).toBe(0)
    await hits().find('[data-testid="reveal-phone"]').trigger('click')
    await untilPasses(async () => expect(hits().text()).toContain('0571-8888 6666'))
    const ouyang = (await db.customers.toArray()).find((c) => c.name === '欧阳娜娜')!
    expect(await db.accessTrail.toArray()).toEqual([expect.objectContaining({ kind: 'revealPhone', subjectTable: 'customers', subjectId: ouyang.id, what: '客户档案 欧阳女士' })])
  })
})
