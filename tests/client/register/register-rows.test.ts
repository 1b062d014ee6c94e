import { describe, expect, it } from 'vitest'
import { maskPhone } from '@shared/domain/archive'
import { REGISTER_COLUMNS } from '@client/components/print-forms'
import { can, ROLES } from '@shared/domain/role'
import { DAY, HOUR, MINUTE } from '@shared/domain/time'
import type { Status } from '@shared/domain/reception-status'
import { appliedFilter, exportFileName, filterFromQuery, filterSummary, hasFilter, isValidRange, presetOf, presetRange, printScopeFromQuery, rangeFromQuery, rangeInstants, registerPrintQuery, registerPrintTitle } from '@client/features/register/rows/register-scope'
import { EXPORT_COLUMNS, handlingText, neutraliseCell, neutralisedTable, registerRow, registerRows, registerTable } from '@client/features/register/rows/register-rows'
import { recordFields, recordRows, recordShowsPhone } from '@client/features/register/rows/record-rows'
import type { RegisterEntry } from '@client/db/register/register-entries'
import { phoneForViewer } from '@shared/domain/archive'
import { receptionState } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { CLERK, DEPARTMENT_NAMES, ENGINEERING, MANAGER, SUPERVISOR, T0, enText, makeContext, makeEvent, makeReception, zhText } from '../../factories/register-print'

const ctx = makeContext()

describe('neutraliseCell', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes a cell starting with %j with an apostrophe', (start) => {
    const value = `${start}HYPERLINK("http://evil.example","点我")`
    expect(neutraliseCell(value)).toBe(`'${value}`)
  })

  it.each(['王建国', '13812345678', '3-2-1101', "'=already text", '', ' =1+1', '厨房=漏水', '＝全角等号'])('leaves %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value)
  })
})

describe('phoneForViewer', () => {
  it('shows the phone in full or masked', () => {
    expect(phoneForViewer('13812345678', true)).toBe('13812345678')
    expect(phoneForViewer('13812345678', false)).toBe('138****5678')
    expect(phoneForViewer('0571-8888 6666', false)).toBe('057****6666')
    expect(phoneForViewer('', false)).toBe('')
  })

  it.each(ROLES)('role %s sees phones as customer.contact allows', (role) => {
    const row = registerRow({ reception: makeReception(), events: [] }, 1, makeContext({ fullPhones: can(role, 'customer.contact') }))
    // 篇4: the desk calls owners back; the manager (who does not stand the desk) sees them masked.
    const full = ['assistant', 'administrator', 'supervisor', 'department'].includes(role)
    expect(row.customer).toBe(full ? '王建国先生 / 13812345678' : '王建国先生 / 138****5678')
  })
})

describe('the customer named as on screen (篇1: 先生/女士)', () => {
  it.each<{ name: string; honorific: 'mr' | 'ms' | 'none'; phone: string; zh: string; en: string }>([
    { name: '陈', honorific: 'ms', phone: '', zh: '陈女士', en: 'Ms 陈' },
    { name: '王建国', honorific: 'mr', phone: '13812345678', zh: '王建国先生 / 13812345678', en: 'Mr 王建国 / 13812345678' },
    { name: '陈女士', honorific: 'ms', phone: '', zh: '陈女士', en: '陈女士' },
    { name: '', honorific: 'ms', phone: '13812345678', zh: '女士 / 13812345678', en: 'Ms / 13812345678' },
    { name: 'Li Na', honorific: 'none', phone: '', zh: 'Li Na', en: 'Li Na' },
  ])('$name $honorific → $zh', ({ name, honorific, phone, zh, en }) => {
    const entry = { reception: makeReception({ customerName: name, honorific, phone }), events: [] }
    expect(registerRow(entry, 1, ctx).customer).toBe(zh)
    expect(registerRow(entry, 1, makeContext({ t: enText })).customer).toBe(en)
    expect(recordFields(entry, ctx).find((f) => f.label === '业主姓名/联系电话')!.value).toBe(zh)
  })
})

describe('registerRow', () => {
  it('fills every column of 《接待业主情况记录》', () => {
    const r = makeReception({ ref: '20261116-A007', relayedBy: '' })
    const result = makeEvent(r, 'result', T0 + 3 * HOUR, { note: '已更换水龙头', staffId: CLERK })
    const visit = makeEvent(r, 'returnVisit', T0 + DAY, { satisfaction: 'satisfied', staffId: CLERK })
    expect(registerRow({ reception: r, events: [visit, result] }, 7, ctx)).toEqual({
      index: '7',
      receivedAt: '2026-11-16 10:00',
      customer: '王建国先生 / 13812345678',
      room: '3-2-1101',
      matter: '厨房水龙头漏水(报修·来电)',
      matterOnly: '厨房水龙头漏水',
      category: '报修',
      channel: '来电',
      handling: '已更换水龙头(李娜);回访:满意(李娜)',
      resolvedAt: '2026-11-16 13:00',
      receiver: '李娜',
      ref: '20261116-A007',
    })
  })

  it('prints dates in the site timezone', () => {
    const row = registerRow({ reception: makeReception({ receivedAt: Date.UTC(2026, 10, 16, 23, 30) }), events: [] }, 1, makeContext({ timezone: 'Europe/London' }))
    expect(row.receivedAt).toBe('2026-11-16 23:30')
    expect(registerRow({ reception: makeReception({ receivedAt: Date.UTC(2026, 10, 16, 23, 30) }), events: [] }, 1, ctx).receivedAt).toBe('2026-11-17 07:30')
  })

  it('names the post that relayed the request and shows corrected fields', () => {
    const r = makeReception({ channel: 'relayed', relayedBy: '秩序部岗亭', category: 'complaint' })
    const fix = makeEvent(r, 'correction', T0 + MINUTE, { correction: { room: '3-2-1102', phone: '13900001111' } })
    const row = registerRow({ reception: r, events: [fix] }, 1, makeContext({ fullPhones: false }))
    expect(row.matter).toBe('厨房水龙头漏水(投诉·秩序部岗亭转告)')
    expect(row.room).toBe('3-2-1102')
    expect(row.customer).toBe('王建国先生 / 139****1111')
  })

  it('leaves out what is not known: no phone, no name, unknown receiver', () => {
    const row = registerRow({ reception: makeReception({ customerName: '', honorific: 'none', phone: '', receiverId: '01930000-0000-7000-8000-0000000000ff' }), events: [] }, 1, ctx)
    expect(row.customer).toBe('')
    expect(row.receiver).toBe('(未知)')
  })
})

describe('处理情况及结果 for each status', () => {
  const r = makeReception()
  const at = (h: number): number => T0 + h * HOUR
  const cases: { status: Status; name: string; events: RegisterEntry['events']; text: string }[] = [
    { status: 'open', name: 'nothing done yet', events: [], text: '待处理' },
    { status: 'open', name: 'a follow-up is the latest step', events: [makeEvent(r, 'followUp', at(1), { note: '已约师傅明早上门' })], text: '跟进:已约师傅明早上门(李娜)' },
    { status: 'open', name: 'answered, not resolved', events: [makeEvent(r, 'answered', at(1), { note: '已电话答复' })], text: '答复业主:已电话答复(李娜)' },
    {
      status: 'withDepartment',
      name: 'handed to a department with a named person',
      events: [makeEvent(r, 'handedOver', at(1), { departmentId: ENGINEERING, assignee: '张师傅' })],
      text: '转工程部(张师傅)处理',
    },
    {
      status: 'awaitingVisit',
      name: 'the department reported the work done: its report is the result, the return visit due (篇4 4.6)',
      events: [makeEvent(r, 'handedOver', at(1), { departmentId: ENGINEERING }), makeEvent(r, 'departmentDone', at(5), { note: '已更换阀门', staffId: SUPERVISOR })],
      text: '转工程部处理;部门完成:已更换阀门(张主管);待回访',
    },
    {
      status: 'closed',
      name: 'the department’s report visited, with no result of the desk',
      events: [
        makeEvent(r, 'handedOver', at(1), { departmentId: ENGINEERING }),
        makeEvent(r, 'departmentDone', at(5), { note: '已更换阀门', staffId: SUPERVISOR }),
        makeEvent(r, 'returnVisit', at(30), { satisfaction: 'satisfied' }),
      ],
      text: '转工程部处理;部门完成:已更换阀门(张主管);回访:满意(李娜)',
    },
    {
      status: 'open',
      name: 'taken over by the supervisor after two days (4.7)',
      events: [makeEvent(r, 'takenOver', at(49), { level: 'supervisor', staffId: SUPERVISOR })],
      text: '客服主管接手(张主管)',
    },
    {
      status: 'awaitingVisit',
      name: 'a repair resolved, the return visit still due',
      events: [makeEvent(r, 'handedOver', at(1), { departmentId: ENGINEERING }), makeEvent(r, 'result', at(6), { note: '已修复' })],
      text: '转工程部处理;已修复(李娜);待回访',
    },
    {
      status: 'closed',
      name: 'resolved by the manager after a week and visited (4.8)',
      events: [
        makeEvent(r, 'takenOver', at(7 * 24 + 1), { level: 'manager', staffId: MANAGER }),
        makeEvent(r, 'result', at(7 * 24 + 5), { note: '协调物业公司更换管道', staffId: MANAGER }),
        makeEvent(r, 'returnVisit', at(8 * 24), { satisfaction: 'verySatisfied' }),
      ],
      text: '经理接手(赵经理);协调物业公司更换管道(赵经理);回访:非常满意(李娜)',
    },
    {
      status: 'unresolvable',
      name: 'closed as unresolvable by the manager with the reason (3.3.3)',
      events: [makeEvent(r, 'takenOver', at(200), { level: 'manager', staffId: MANAGER }), makeEvent(r, 'closedUnresolvable', at(201), { note: '属开发商保修范围,已告知业主', staffId: MANAGER })],
      text: '经理接手(赵经理);无法处理已关闭:属开发商保修范围,已告知业主(赵经理)',
    },
  ]

  it.each(cases)('$status: $name', ({ status, events, text }) => {
    const entry = { reception: r, events }
    expect(receptionState(r, events, T0, defaultSettings(r.siteId)).status).toBe(status)
    expect(handlingText(entry, ctx)).toBe(text)
  })

  it('keeps 逾期答复 on a complaint answered after its deadline, resolved or not (篇3 五)', () => {
    const c = makeReception({ category: 'complaint' })
    const late = [makeEvent(c, 'answered', at(30), { note: '已电话致歉' }), makeEvent(c, 'result', at(40), { note: '已调解' }), makeEvent(c, 'returnVisit', at(50), { satisfaction: 'satisfied' })]
    expect(handlingText({ reception: c, events: late }, ctx)).toBe('已调解(李娜);回访:满意(李娜);逾期答复(超过24小时)')
    expect(handlingText({ reception: c, events: late.slice(0, 1) }, ctx)).toBe('答复业主:已电话致歉(李娜);逾期答复(超过24小时)')
    expect(registerRow({ reception: c, events: late }, 1, ctx).handling).toContain('逾期答复')
    // On time: nothing said; a site with a 12-hour deadline judges by its own.
    const onTime = [makeEvent(c, 'answered', at(20), { note: '已电话致歉' })]
    expect(handlingText({ reception: c, events: onTime }, ctx)).toBe('答复业主:已电话致歉(李娜)')
    expect(handlingText({ reception: c, events: onTime }, makeContext({ complaintDeadlineHours: 12 }))).toBe('答复业主:已电话致歉(李娜);逾期答复(超过12小时)')
    // A repair answered after a week was never late.
    expect(handlingText({ reception: r, events: [makeEvent(r, 'result', at(170), { note: '已修复' })] }, ctx)).toBe('已修复(李娜);待回访')
  })

  it('closed without a visit when the category needs none', () => {
    const q = makeReception({ category: 'enquiry' })
    expect(handlingText({ reception: q, events: [makeEvent(q, 'result', at(1), { note: '已解答' })] }, ctx)).toBe('已解答(李娜)')
  })

  it('corrections and signatures are not handling steps', () => {
    const events = [makeEvent(r, 'correction', at(1), { correction: { room: '1-1-101' } }), makeEvent(r, 'signed', at(2), { signatureId: r.id })]
    expect(handlingText({ reception: r, events }, ctx)).toBe('待处理')
  })
})

describe('registerRows and registerTable', () => {
  it('numbers the rows in the order received', () => {
    const late = makeReception({ ref: '20261116-A002', receivedAt: T0 + HOUR })
    const early = makeReception({ ref: '20261116-A001' })
    const rows = registerRows([{ reception: late, events: [] }, { reception: early, events: [] }], ctx)
    expect(rows.map((r) => [r.index, r.ref])).toEqual([
      ['1', '20261116-A001'],
      ['2', '20261116-A002'],
    ])
  })

  it('has the Chinese headers of the paper form, 类别 and 来访方式 in their own columns, and the text as written', () => {
    const r = makeReception({ customerName: '@SUM(1+1)', phone: '+86 138 1234 5678', room: '-1', matter: '=HYPERLINK("http://x","y")', channel: 'relayed', relayedBy: '秩序部岗亭' })
    const result = makeEvent(r, 'result', T0 + HOUR, { note: '+cmd|\' /C calc\'!A0' })
    const table = registerTable(registerRows([{ reception: r, events: [result] }], ctx), zhText)
    expect(table.headers).toEqual(['序号', '接待日期', '业主姓名/联系电话', '房号', '事由', '类别', '来访方式', '处理情况及结果', '完成日期', '接待人', '编号'])
    const cells = table.rows[0]!
    expect(cells).toHaveLength(EXPORT_COLUMNS.length)
    expect(cells.slice(2, 8)).toEqual(['@SUM(1+1)先生 / +86 138 1234 5678', '-1', '=HYPERLINK("http://x","y")', '报修', '秩序部岗亭转告', "+cmd|' /C calc'!A0(李娜);待回访"])
  })

  it('neutralises every dangerous cell of a CSV table', () => {
    const r = makeReception({ customerName: '@SUM(1+1)', phone: '+86 138 1234 5678', room: '-1', matter: '=HYPERLINK("http://x","y")' })
    const result = makeEvent(r, 'result', T0 + HOUR, { note: '+cmd|\' /C calc\'!A0' })
    const table = neutralisedTable(registerTable(registerRows([{ reception: r, events: [result] }], ctx), zhText))
    const cells = table.rows[0]!
    expect(cells[2]).toBe("'@SUM(1+1)先生 / +86 138 1234 5678")
    expect(cells[3]).toBe("'-1")
    expect(cells[4]).toBe('\'=HYPERLINK("http://x","y")')
    expect(cells[7]).toBe("'+cmd|' /C calc'!A0(李娜);待回访")
    for (const cell of table.rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('keeps the paper form’s 事由 with category and channel in brackets', () => {
    const [row] = registerRows([{ reception: makeReception(), events: [] }], ctx)
    expect(row!.matter).toBe('厨房水龙头漏水(报修·来电)')
    expect(REGISTER_COLUMNS).not.toContain('category')
  })

  it('masks phones in the table for a viewer without customer.contact', () => {
    const r = makeReception({ customerName: '', honorific: 'none', phone: '+8613812345678' })
    const table = registerTable(registerRows([{ reception: r, events: [] }], makeContext({ fullPhones: false })), zhText)
    // The same rule as every list and printout (maskPhone), never the number in full.
    expect(table.rows[0]![2]).toBe(maskPhone('+8613812345678'))
    expect(table.rows[0]![2]).not.toContain('13812345678')
    const full = registerTable(registerRows([{ reception: r, events: [] }], ctx), zhText)
    expect(full.rows[0]![2]).toBe('+8613812345678')
  })

  it('has English headers in English', () => {
    expect(registerTable([], enText).headers.slice(4, 8)).toEqual(['Matter', 'Category', 'Channel', 'Handling and result'])
  })
})

describe('recordRows: a request’s whole timeline', () => {
  it('starts with the registration and lists every step, corrections with old and new values', () => {
    const r = makeReception()
    const events = [
      makeEvent(r, 'handedOver', T0 + HOUR, { departmentId: ENGINEERING, assignee: '张师傅', note: '请尽快上门' }),
      makeEvent(r, 'correction', T0 + 2 * HOUR, { correction: { phone: '13900001111', category: 'complaint' }, note: '业主更正电话' }),
      makeEvent(r, 'departmentDone', T0 + 5 * HOUR, { note: '已更换阀门' }),
      makeEvent(r, 'result', T0 + 6 * HOUR, { note: '已修复' }),
      makeEvent(r, 'returnVisit', T0 + DAY, { satisfaction: 'satisfied', note: '业主表示感谢' }),
      makeEvent(r, 'signed', T0 + DAY + MINUTE, { signatureId: '01930000-0000-7000-8000-0000000000e1', staffId: SUPERVISOR }),
      makeEvent(r, 'takenOver', T0 + 3 * HOUR, { level: 'supervisor', staffId: SUPERVISOR }),
    ]
    const rows = recordRows({ reception: r, events }, makeContext({ fullPhones: false }), new Map([['01930000-0000-7000-8000-0000000000e1', { signerName: '王建国', signedAt: T0 + DAY }]]))
    expect(rows.map((row) => [row.index, row.at, row.event, row.detail, row.staff])).toEqual([
      ['1', '2026-11-16 10:00', '接待登记', '厨房水龙头漏水(报修·来电)', '李娜'],
      ['2', '2026-11-16 11:00', '转责任部门', '责任部门:工程部;负责人:张师傅;请尽快上门', '李娜'],
      ['3', '2026-11-16 12:00', '更正', '联系电话由“138****5678”改为“139****1111”;类别由“报修”改为“投诉”;业主更正电话', '李娜'],
      ['4', '2026-11-16 13:00', '客服主管接手', '', '张主管'],
      ['5', '2026-11-16 15:00', '部门完成', '已更换阀门', '李娜'],
      ['6', '2026-11-16 16:00', '处理结果', '已修复', '李娜'],
      ['7', '2026-11-17 10:00', '回访', '满意度:满意;业主表示感谢', '李娜'],
      ['8', '2026-11-17 10:01', '业主签名确认', '签名人:王建国', '张主管'],
    ])
  })

  it('names the signer once, however the tablet wrote the event (签名人:陈女士, not 陈女士;陈女士)', () => {
    const r = makeReception({ customerName: '陈', honorific: 'ms' })
    const signature = '01930000-0000-7000-8000-0000000000e2'
    const events = [makeEvent(r, 'signed', T0 + HOUR, { signatureId: signature, note: '陈女士' }), makeEvent(r, 'signed', T0 + 2 * HOUR, { signatureId: signature, note: '代业主签' })]
    const rows = recordRows({ reception: r, events }, ctx, new Map([[signature, { signerName: '陈女士', signedAt: T0 + HOUR }]]))
    expect(rows.slice(1).map((row) => row.detail)).toEqual(['签名人:陈女士', '签名人:陈女士;代业主签'])
  })

  it('says what a correction emptied, and the reason of a closure', () => {
    const r = makeReception()
    const rows = recordRows(
      {
        reception: r,
        events: [makeEvent(r, 'correction', T0 + 1, { correction: { customerName: '' } }), makeEvent(r, 'closedUnresolvable', T0 + 2, { note: '不属物业范围', staffId: MANAGER })],
      },
      ctx,
    )
    expect(rows[1]!.detail).toBe('业主姓名由“王建国”改为“空”')
    expect(rows[2]!.detail).toBe('原因:不属物业范围')
  })

  it('heads the record with the registered fields, corrections applied', () => {
    const r = makeReception({ ref: '20261116-B012' })
    const fields = recordFields({ reception: r, events: [makeEvent(r, 'correction', T0 + 1, { correction: { urgency: 'urgent' } })] }, makeContext({ fullPhones: false }))
    expect(Object.fromEntries(fields.map((f) => [f.label, f.value]))).toEqual({
      编号: '20261116-B012',
      接待日期: '2026-11-16 10:00',
      接待人: '李娜',
      来访方式: '来电',
      房号: '3-2-1101',
      '业主姓名/联系电话': '王建国先生 / 138****5678',
      类别: '报修',
      轻重缓急: '较急',
      状态: '待处理',
      完成日期: '',
    })
  })
})

describe('recordShowsPhone: whether a request’s printed record carries a phone (issue 14 point 2)', () => {
  it.each([
    ['registered with one', '13800138000', null, true],
    ['registered without, a correction adds one', '', '13900139000', true],
    ['registered without, no correction of it', '', null, false],
  ])('%s', (_, phone, corrected, shows) => {
    const r = makeReception({ phone })
    const events = corrected ? [makeEvent(r, 'correction', T0 + HOUR, { correction: { phone: corrected } })] : [makeEvent(r, 'answered', T0 + HOUR)]
    expect(recordShowsPhone({ reception: r, events })).toBe(shows)
  })
})

describe('date ranges', () => {
  /** Friday 2026-11-27 10:00 in Shanghai. */
  const NOW = Date.UTC(2026, 10, 27, 2)
  const TZ = 'Asia/Shanghai'

  it.each([
    ['today', { from: '2026-11-27', to: '2026-11-27' }],
    ['yesterday', { from: '2026-11-26', to: '2026-11-26' }],
    ['thisWeek', { from: '2026-11-23', to: '2026-11-27' }],
    ['lastWeek', { from: '2026-11-16', to: '2026-11-22' }],
  ] as const)('%s', (preset, range) => {
    expect(presetRange(preset, NOW, TZ)).toEqual(range)
    expect(presetOf(range, NOW, TZ)).toBe(preset)
  })

  it('a Monday’s week starts that day; Sunday belongs to the week before', () => {
    expect(presetRange('thisWeek', Date.UTC(2026, 10, 23, 2), TZ)).toEqual({ from: '2026-11-23', to: '2026-11-23' })
    expect(presetRange('thisWeek', Date.UTC(2026, 10, 22, 2), TZ)).toEqual({ from: '2026-11-16', to: '2026-11-22' })
  })

  it('covers whole local days: from local midnight to the midnight after the last day', () => {
    expect(rangeInstants({ from: '2026-11-16', to: '2026-11-22' }, TZ)).toEqual({ start: Date.UTC(2026, 10, 15, 16), end: Date.UTC(2026, 10, 22, 16) })
  })

  it('reads the range from the address, today when missing, backwards or not a date', () => {
    expect(rangeFromQuery({ from: '2026-11-01', to: '2026-11-30' }, NOW, TZ)).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(presetOf(rangeFromQuery({ from: '2026-11-01', to: '2026-11-30' }, NOW, TZ), NOW, TZ)).toBe('custom')
    for (const query of [{}, { from: '2026-11-30', to: '2026-11-01' }, { from: '2026-02-30', to: '2026-03-01' }, { from: ['2026-11-01'], to: 'x' }]) {
      expect(rangeFromQuery(query, NOW, TZ)).toEqual({ from: '2026-11-27', to: '2026-11-27' })
    }
    expect(isValidRange({ from: '2026-11-27', to: '2026-11-27' })).toBe(true)
  })
})

describe('the list’s filter in the address', () => {
  it('round-trips through registerPrintQuery and filterFromQuery', () => {
    const filter = { queue: 'open' as const, text: '漏水', statuses: ['open', 'withDepartment'] as Status[], categories: ['repair' as const], departmentId: ENGINEERING }
    const query = registerPrintQuery({ from: '2026-11-16', to: '2026-11-22' }, filter)
    expect(query).toEqual({ from: '2026-11-16', to: '2026-11-22', queue: 'open', q: '漏水', status: 'open,withDepartment', category: 'repair', department: ENGINEERING })
    expect(filterFromQuery(query)).toEqual(filter)
    expect(hasFilter(filter)).toBe(true)
  })

  it('carries the channel and the escalation level to the print (statistics’ bars open the list so)', () => {
    const filter = { channels: ['phone' as const], levels: ['manager' as const] }
    const query = registerPrintQuery({ from: '2026-11-01', to: '2026-11-30' }, filter)
    expect(query).toEqual({ from: '2026-11-01', to: '2026-11-30', channel: 'phone', level: 'manager' })
    expect(filterFromQuery({ ...query, channel: 'phone,fax', level: 'boss' })).toEqual({ channels: ['phone'] })
    expect(hasFilter(filter)).toBe(true)
  })

  it('ignores what it does not know, and the queue "all" is no filter', () => {
    const f = filterFromQuery({ queue: 'all', status: 'bogus,closed', category: 'nope' })
    expect(f).toEqual({ queue: 'all', statuses: ['closed'] })
    expect(hasFilter({ queue: 'all' })).toBe(false)
    expect(registerPrintQuery({ from: '2026-11-16', to: '2026-11-16' }, { queue: 'all' })).toEqual({ from: '2026-11-16', to: '2026-11-16' })
  })

  it('is offered to the print, never applied by default: a range prints the whole register', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' }
    const mine = registerPrintQuery(range, { queue: 'mine' })
    expect(mine).toEqual({ from: '2026-11-16', to: '2026-11-22', queue: 'mine' })
    const scope = printScopeFromQuery(mine)
    expect(scope).toEqual({ offered: { queue: 'mine' }, subset: false })
    expect(appliedFilter(scope)).toEqual({})
    expect(registerPrintTitle(scope, DEPARTMENT_NAMES, zhText)).toBe('接待业主情况记录')
  })

  it('applies the filter only when the subset is chosen, and the title says so plainly', () => {
    const range = { from: '2026-11-16', to: '2026-11-22' }
    const chosen = registerPrintQuery(range, { queue: 'mine' }, true)
    expect(chosen).toEqual({ from: '2026-11-16', to: '2026-11-22', queue: 'mine', subset: '1' })
    const scope = printScopeFromQuery(chosen)
    expect(appliedFilter(scope)).toEqual({ queue: 'mine' })
    expect(registerPrintTitle(scope, DEPARTMENT_NAMES, zhText)).toBe('接待业主情况记录(仅:我的待办)')
    const wider = printScopeFromQuery(registerPrintQuery(range, { queue: 'open', categories: ['repair'], departmentId: ENGINEERING }, true))
    expect(registerPrintTitle(wider, DEPARTMENT_NAMES, zhText)).toBe('接待业主情况记录(仅:未完成;类别:报修;部门:工程部)')
    expect(registerPrintTitle(wider, DEPARTMENT_NAMES, enText)).toBe('Owner reception register (only: Open; Category: Repair; Department: 工程部)')
    // Nothing to choose without a filter: `subset` alone is ignored.
    expect(printScopeFromQuery({ ...registerPrintQuery(range), subset: '1' }).subset).toBe(false)
    expect(registerPrintQuery(range, {}, true)).toEqual(range)
  })

  it('is said in words on the printed header', () => {
    expect(filterSummary({ categories: ['repair', 'complaint'], departmentId: ENGINEERING, text: '漏水' }, DEPARTMENT_NAMES, zhText)).toBe('类别:报修、投诉;部门:工程部;关键词:漏水')
    expect(filterSummary({ channels: ['phone', 'online'], levels: ['supervisor'] }, DEPARTMENT_NAMES, zhText)).toBe('来访方式:来电、网络;处理层级:客服主管')
    expect(filterSummary({}, DEPARTMENT_NAMES, zhText)).toBe('')
  })
})

describe('exportFileName', () => {
  it('names the form and the dates', () => {
    expect(exportFileName({ from: '2026-11-16', to: '2026-11-22' }, 'xlsx', zhText)).toBe('接待业主情况记录_2026-11-16_2026-11-22.xlsx')
    expect(exportFileName({ from: '2026-11-16', to: '2026-11-16' }, 'csv', zhText)).toBe('接待业主情况记录_2026-11-16.csv')
  })
})
