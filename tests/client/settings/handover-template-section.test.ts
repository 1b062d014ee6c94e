import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { newId } from '@shared/domain/ids'
import { shiftKey } from '@shared/domain/duty-log'
import type { Role } from '@shared/domain/role'
import SettingsHandoverTemplate from '@client/features/settings/components/SettingsHandoverTemplate.vue'
import type { DeskbookDb } from '@client/db/database'
import { handoverContext } from '@client/db/duty/handover'
import { freshDb } from '../../factories/db'
import { signedIn } from '../archive/session'
import { mountApp, until as untilPasses } from '../mount'

const SITE = newId()
let db: DeskbookDb
afterEach(async () => {
  db.close()
  await db.delete()
})

async function open(role: Role): Promise<VueWrapper> {
  db = freshDb()
  const { wrapper } = mountApp(SettingsHandoverTemplate, {}, db, signedIn(role, SITE))
  await until(wrapper, () => expect(wrapper.findAll('[data-testid="template-item"]')).toHaveLength(6))
  return wrapper
}

async function until(wrapper: VueWrapper, check: () => void): Promise<void> {
  await untilPasses(async () => {
    check()
  })
}

const button = (wrapper: VueWrapper, text: string) => wrapper.findAll('button').find((b) => b.text() === text || b.attributes('aria-label') === text)!
const rows = (wrapper: VueWrapper): DOMWrapper<Element>[] => wrapper.findAll('[data-testid="template-item"]')
const names = (wrapper: VueWrapper): string[] => rows(wrapper).map((r) => (r.find('input[name^="template-item-name"]').element as HTMLInputElement).value)
const save = async (wrapper: VueWrapper): Promise<void> => {
  await wrapper.find('form').trigger('submit')
  await flushPromises()
}

describe('SettingsHandoverTemplate', () => {
  it('shows the regulation’s default items and checks, kinds in Chinese, until the site saves its own', async () => {
    const wrapper = await open('administrator')
    expect(wrapper.text()).toContain('交接班清点与环境检查')
    expect(names(wrapper)).toEqual(['钥匙', '收款收据', '对讲机', '借出物品(未归还)', '文具', '备用金(元)'])
    expect(rows(wrapper)[0]!.findAll('label').map((l) => l.text())).toEqual(expect.arrayContaining(['数量', '收据本', '现金', '借出物品']))
    // The receipt book has a starting receipt number; loans are counted from the log, so no starting count.
    expect(rows(wrapper)[1]!.text()).toContain('起始收据号')
    expect(rows(wrapper)[3]!.find('input[name^="template-item-initial"]').exists()).toBe(false)
    expect(rows(wrapper)[3]!.text()).toContain('按借出登记中未归还的件数自动计算')
    expect(wrapper.findAll('[data-testid="template-check"]')).toHaveLength(5)
    // Nothing changed yet: nothing to save.
    expect(button(wrapper, '保存').attributes('disabled')).toBeDefined()
  })

  it('adds an item with a starting count and a receipt number; the next handover expects them', async () => {
    const wrapper = await open('administrator')
    await button(wrapper, '添加物品').trigger('click')
    const added = rows(wrapper)[6]!
    await added.find('input[name="template-item-name-6"]').setValue('门禁卡')
    await added.find('input[name="template-item-initial-6"]').setValue('8')
    await wrapper.find('input[name="template-item-initial-1"]').setValue('3')
    await wrapper.find('input[name="template-item-receipt-1"]').setValue('a00100')
    await save(wrapper)
    await until(wrapper, () => expect(button(wrapper, '保存').attributes('disabled')).toBeDefined())
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)

    const stored = await db.handoverTemplates.get(SITE)
    expect(stored!.items.at(-1)).toMatchObject({ name: '门禁卡', kind: 'count', initial: 8 })
    expect((await db.outbox.toArray()).map((m) => m.name)).toEqual(['handoverTemplate.put'])

    const ctx = await handoverContext(db, SITE, shiftKey('2026-11-27', newId()), Date.now())
    expect(ctx.counts.find((c) => c.name === '门禁卡')).toMatchObject({ kind: 'count', expected: 8 })
    expect(ctx.counts.find((c) => c.itemId === 'receipts')).toMatchObject({ expected: 3, nextReceiptNo: 'A00100' })
    expect(ctx.counts.find((c) => c.itemId === 'keys')).toMatchObject({ expected: 0 })
  })

  it('reorders and removes items and checks with labelled buttons', async () => {
    const wrapper = await open('administrator')
    expect(button(wrapper, '上移:钥匙').attributes('disabled')).toBeDefined()
    await button(wrapper, '下移:钥匙').trigger('click')
    expect(names(wrapper).slice(0, 2)).toEqual(['收款收据', '钥匙'])
    await button(wrapper, '删除:文具').trigger('click')
    expect(names(wrapper)).not.toContain('文具')
    await button(wrapper, '删除:第 1 项检查内容').trigger('click')
    await button(wrapper, '添加检查项目').trigger('click')
    await wrapper.find('input[name="template-check-4"]').setValue('  消防通道畅通 ')
    await save(wrapper)
    await until(wrapper, () => expect(button(wrapper, '保存').attributes('disabled')).toBeDefined())
    const stored = (await db.handoverTemplates.get(SITE))!
    expect(stored.items.map((i) => i.id)).toEqual(['receipts', 'keys', 'radios', 'loans', 'cash'])
    expect(stored.checks.map((c) => c.text)).toEqual(['周围环境整洁、美观', '值班记录、工作表格、收款收据、文具准备齐全', '所订报刊已收领、装夹', '电话、电脑、对讲机工作正常', '消防通道畅通'])
  })

  it('says in Chinese what is wrong and writes nothing', async () => {
    const wrapper = await open('administrator')
    await wrapper.find('input[name="template-item-name-0"]').setValue(' ')
    await wrapper.find('input[name="template-item-name-2"]').setValue('文具')
    await wrapper.find('input[name="template-item-initial-5"]').setValue('五百')
    await button(wrapper, '添加物品').trigger('click')
    await rows(wrapper)[6]!.find('input[value="loans"]').setValue(true)
    await rows(wrapper)[6]!.find('input[name="template-item-name-6"]').setValue('外借')
    await save(wrapper)
    await until(wrapper, () => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.findAll('[role="alert"] li').map((l) => l.text())).toEqual([
      '第 1 项物品:请填写名称。',
      '第 5 项物品:名称与前面的物品重复。',
      '第 6 项物品:起始数量请填写 0–100000 之间的整数,或留空。',
      '第 7 项物品:只能有一项“借出物品”。',
    ])
    expect(await db.handoverTemplates.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('restores the regulation’s default (saved only with save)', async () => {
    const wrapper = await open('administrator')
    await button(wrapper, '删除:钥匙').trigger('click')
    await wrapper.find('input[name="template-item-name-0"]').setValue('收据')
    await save(wrapper)
    await until(wrapper, () => expect(names(wrapper)[0]).toBe('收据'))
    await until(wrapper, () => expect(button(wrapper, '保存').attributes('disabled')).toBeDefined())
    await button(wrapper, '恢复默认').trigger('click')
    expect(names(wrapper)).toEqual(['钥匙', '收款收据', '对讲机', '借出物品(未归还)', '文具', '备用金(元)'])
    expect((await db.handoverTemplates.get(SITE))!.items).toHaveLength(5)
    await save(wrapper)
    await until(wrapper, async () => expect((await db.handoverTemplates.get(SITE))!.items).toHaveLength(6))
  })

  it('is read-only for an assistant: controls disabled, no save', async () => {
    const wrapper = await open('assistant')
    expect(wrapper.find('fieldset').attributes('disabled')).toBeDefined()
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('保存')
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('添加物品')
  })
})
