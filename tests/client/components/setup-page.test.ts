import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SetupPage from '@client/features/setup/pages/SetupPage.vue'
import { mountApp } from '../mount'

describe('SetupPage', () => {
  it('stays on the first step and says why in Chinese when the site name is missing', async () => {
    const { wrapper } = mountApp(SetupPage)
    await flushPromises()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="setup-problems"]').text()).toContain('请填写项目名称')
    expect(wrapper.find('h2').text()).toBe('项目')
  })

  it('moves on once the step is right, and refuses a trivial PIN on the staff step without writing anything', async () => {
    const { wrapper, db } = mountApp(SetupPage)
    await flushPromises()
    await wrapper.find('input[name="siteName"]').setValue('翠苑小区')
    for (const step of ['部门', '班次', '员工']) {
      await wrapper.find('form').trigger('submit')
      await flushPromises()
      expect(wrapper.find('h2').text()).toBe(step)
    }
    await wrapper.find('input[name="staff-name-0"]').setValue('王管理')
    await wrapper.find('input[name="staff-pin-0"]').setValue('1234')
    await wrapper.find('input[name="staff-pin-again-0"]').setValue('1234')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="setup-problems"]').text()).toContain('PIN 太简单')
    expect(await db.sites.count()).toBe(0)
  })

  it('tells the clerk in Chinese when the tablet is out of storage, and keeps the form as typed', async () => {
    const { wrapper, db } = mountApp(SetupPage)
    await db.open()
    await flushPromises()
    await wrapper.find('input[name="siteName"]').setValue('翠苑小区')
    for (let i = 0; i < 3; i++) {
      await wrapper.find('form').trigger('submit')
      await flushPromises()
    }
    await wrapper.find('input[name="staff-name-0"]').setValue('王管理')
    await wrapper.find('input[name="staff-pin-0"]').setValue('2580')
    await wrapper.find('input[name="staff-pin-again-0"]').setValue('2580')
    const proto = Object.getPrototypeOf(db.backendDB().transaction('outbox').objectStore('outbox')) as IDBObjectStore
    const realAdd = proto.add
    proto.add = function () {
      throw new DOMException('quota', 'QuotaExceededError')
    }
    try {
      await wrapper.find('form').trigger('submit')
      await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toContain('本机存储空间已满'), { timeout: 5000 })
    } finally {
      proto.add = realAdd
    }
    expect(await db.sites.count()).toBe(0)
    expect((wrapper.find('input[name="staff-name-0"]').element as HTMLInputElement).value).toBe('王管理')
  })
})
