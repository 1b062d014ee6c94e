import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PrintBlankBlock from '@client/components/PrintBlankBlock.vue'

describe('a blank form’s block', () => {
  it('leaves a cell to write in after each label; a field alone in its row writes across the block', () => {
    const wrapper = mount(PrintBlankBlock, {
      props: {
        caption: '不合格项及纠正措施',
        rows: [[{ label: '不合格项' }], [{ label: '责任人' }, { label: '完成期限' }], [{ label: '被检查人意见', height: '18mm' }]],
        labelWidth: '16%',
        cellHeight: '9mm',
      },
    })
    expect(wrapper.get('caption').text()).toBe('不合格项及纠正措施')
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => `${c.element.tagName}:${c.text()}:${c.attributes('colspan') ?? 1}:${(c.element as HTMLElement).style.width || (c.element as HTMLElement).style.height}`))
    expect(rows).toEqual([
      ['TH:不合格项:1:16%', 'TD::3:9mm'],
      ['TH:责任人:1:16%', 'TD::1:9mm', 'TH:完成期限:1:16%', 'TD::1:9mm'],
      ['TH:被检查人意见:1:16%', 'TD::3:18mm'],
    ])
  })

  it('spans nothing when every row holds one field', () => {
    const wrapper = mount(PrintBlankBlock, { props: { caption: '交接班记录', rows: [[{ label: '待跟进事项', height: '22mm' }], [{ label: '前台环境检查' }]], labelWidth: '34%', cellHeight: '10mm' } })
    expect(wrapper.findAll('td').map((td) => [td.attributes('colspan') ?? null, (td.element as HTMLElement).style.height])).toEqual([
      [null, '22mm'],
      [null, '10mm'],
    ])
  })
})
