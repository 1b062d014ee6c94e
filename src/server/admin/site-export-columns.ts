/**
 * The columns of the site workbook (issue 12 point 7), in one place: a sheet per form, named as the
 * console names the tables; a column per field of the form's record (the registry's schema), headed
 * in Chinese; staff, departments, rooms and requests by name rather than id; times in the site's
 * timezone; codes as words. The server keeps its own words (it never imports client code); they are
 * the register's and the console's words.
 */
import { MUTATIONS } from '@shared/sync/registry'
import { DeviceSchema } from '@shared/domain/device'
import { NotificationEventSchema } from '@shared/domain/notification'

/** Sheets in the order an auditor reads them: the register first, settings last. */
export const SHEETS: readonly (readonly [table: string, name: string])[] = [
  ['receptions', '接待登记'],
  ['receptionEvents', '接待跟进'],
  ['reviews', '审核'],
  ['customers', '客户档案'],
  ['rooms', '房号'],
  ['renovations', '装修登记'],
  ['dutyEntries', '值班记录'],
  ['handovers', '交接班'],
  ['dayNotes', '当日注意事项'],
  ['periodicals', '报刊登记'],
  ['loans', '物品借出'],
  ['loanReturns', '物品归还'],
  ['paidServices', '有偿服务'],
  ['inspections', '质量检查'],
  ['nonconformities', '不合格项'],
  ['verifications', '整改验证'],
  ['inspectionResponses', '被检查人意见'],
  ['inspectionTemplates', '检查表'],
  ['signatures', '签名'],
  ['inspectionPhotos', '检查照片'],
  ['rosterVersions', '排班表版本'],
  ['rosterSteps', '排班表审批'],
  ['rosterRequests', '调休请假换班申请'],
  ['rosterAnswers', '调休请假换班审批'],
  ['rosterCells', '排班表草稿'],
  ['accessTrail', '个人信息查阅记录'],
  ['notices', '通知'],
  ['staff', '员工'],
  ['departments', '部门'],
  ['shiftTypes', '班次'],
  ['devices', '设备'],
  ['handoverTemplates', '交接班清单'],
  ['settings', '项目设置'],
  ['sites', '项目信息'],
]

const LABELS: Record<string, string> = {
  id: '记录ID', name: '名称', timezone: '时区', active: '启用', code: '代码', start: '开始', end: '结束', role: '角色', departmentId: '部门',
  ref: '编号', receivedAt: '接待时间', channel: '来访方式', receiverId: '接待人', relayedBy: '转告岗位', room: '房号', roomId: '房屋档案', customerId: '客户档案',
  customerName: '业主姓名', honorific: '称谓', phone: '联系电话', matter: '事由', category: '类别', urgency: '轻重缓急', createdAt: '录入时间',
  receptionId: '接待编号', type: '类型', at: '时间', staffId: '记录人', note: '备注', assignee: '承办人', satisfaction: '满意度', level: '跟进层级',
  correction: '更正', signatureId: '签名', kind: '类型', period: '期间', reviewerId: '审核人', covered: '审核范围', openCount: '未完成数', comment: '意见',
  subjectType: '签署对象', subjectId: '签署记录', signerName: '签名人', signerStaffId: '签名员工', image: '图像', signedAt: '签名时间',
  building: '楼栋', unit: '单元', number: '房号', label: '完整房号', relation: '关系', phones: '电话', moveInDate: '入伙日期', registeredOn: '登记日期',
  startDate: '开工日期', endDate: '完工日期', contractor: '装修公司/负责人', contractorPhone: '装修方电话', shiftKey: '班次', source: '来源', content: '内容',
  action: '处理措施', notified: '已通知', followUp: '需跟进', escalation: '上报', correctsId: '更正的记录', resolvesFollowUp: '了结跟进', paperRef: '纸质记录编号',
  afterHandoverId: '交班后补记', fromShiftKey: '交班班次', toShiftKey: '接班班次', outgoingId: '交班人', incomingId: '接班人', arrivedAt: '到岗时间',
  shiftStartsAt: '班次开始', late: '迟到', acknowledgements: '确认事项', checks: '检查项', counts: '清点', outgoingSignatureId: '交班签名',
  incomingSignatureId: '接班签名', outgoingSignedAt: '交班签名时间', incomingSignedAt: '接班签名时间', items: '项目', date: '日期', text: '内容', title: '报刊名称',
  issue: '期号', copies: '份数', filed: '已归档', item: '物品', quantity: '数量', borrower: '借用人', lentAt: '借出时间', loanId: '借出记录', returnedAt: '归还时间',
  service: '服务项目', amountFen: '金额(元)', receiptNo: '收据号', version: '版本', templateId: '检查表', inspectorId: '检查人', inspectedIds: '被检查人',
  results: '检查结果', summary: '总结', inspectorSignatureId: '检查人签名', inspectionId: '检查记录', itemCode: '项目代码', standardId: '标准', finding: '不合格事实',
  cause: '原因', measure: '纠正措施', dueDate: '完成期限', nonconformityId: '不合格项', effective: '有效', letter: '字母', supervisorEscalationHours: '升级主管(小时)',
  month: '月份', lane: '类别', basedOnId: '所依据的版本', reason: '原因', requestId: '申请', snapshot: '排班', step: '步骤', versionId: '排班表版本',
  toDate: '截止日期', swapWithId: '换班对象', swapDate: '换班日期', decision: '决定', coverId: '替班人', minStaff: '最少人数',
  key: '通知键', rule: '规则', subjectTable: '所涉记录类型', dueAt: '到期时间', link: '链接', contactRetentionYears: '联系方式保留(年)',
  managerEscalationHours: '升级经理(小时)', complaintDeadlineHours: '投诉答复时限(小时)', idleLockMinutes: '自动锁定(分钟)', handoverLeadMinutes: '交接提前(分钟)',
}

/** Codes as words, per field (the register's words: 来访方式, 类别 …). */
const WORDS: Record<string, Record<string, string>> = {
  channel: { visit: '上门', phone: '来电', online: '网络', relayed: '其他岗位转告' },
  category: { repair: '报修', complaint: '投诉', enquiry: '咨询', suggestion: '建议', praise: '表扬', moveIn: '入伙', renovation: '装修', service: '便民/有偿服务', other: '其他' },
  urgency: { normal: '一般', urgent: '较急', emergency: '紧急' },
  honorific: { mr: '先生', ms: '女士', none: '' },
  relation: { owner: '业主', tenant: '租户', family: '家庭成员' },
  role: { assistant: '客服助理', administrator: '客服管理员', supervisor: '客服主管', manager: '客服经理', department: '部门人员', admin: '系统管理员' },
  satisfaction: { verySatisfied: '非常满意', satisfied: '满意', neutral: '一般', dissatisfied: '不满意' },
  level: { supervisor: '主管', manager: '经理' },
  // A tablet's kind, and a review's (the same field name on two sheets; their codes do not overlap).
  kind: { desk: '前台平板', department: '部门平板', registerDaily: '接待登记日审', registerWeekly: '接待登记周审', dutyLogDaily: '值班记录日审', timeOff: '调休', leave: '请假', swap: '换班' },
  // The roster's words (篇2 4.1, 4.2.6).
  lane: { desk: '前台值班', support: '后台支援' },
  step: { approve: '审核通过', return: '退回修改', acknowledge: '经理确认' },
  decision: { approve: '批准', refuse: '不批准' },
  source: { draft: '编制', request: '调休请假换班', call: '来电', visit: '来访', patrol: '巡查', system: '系统', other: '其他' },
}

/** Fields never shown in a sheet: the site (one per workbook) and a staff member's PIN verifier. */
const HIDDEN = new Set(['siteId', 'pin'])
/** Fields naming a staff member. */
const STAFF = new Set(['staffId', 'receiverId', 'reviewerId', 'signerStaffId', 'outgoingId', 'incomingId', 'inspectorId', 'swapWithId', 'coverId'])
/** Excel refuses a cell longer than this. */
const MAX_CELL = 32_767

/** Names for the ids a sheet shows: staff, departments, rooms, requests (by reference number). */
export interface Names {
  staff: Map<string, string>
  departments: Map<string, string>
  rooms: Map<string, string>
  receptions: Map<string, string>
}

export interface Column {
  field: string
  header: string
  width: number
}

/** The columns of `table`'s sheet: its record's fields as the registry describes them. */
export function columnsOf(table: string): Column[] {
  // The tables the server writes itself have no mutation: their records' own schemas.
  const schema = table === 'devices' ? DeviceSchema : table === 'notices' ? NotificationEventSchema : Object.values(MUTATIONS).find((m) => m.table === table)?.schema
  const fields = Object.keys((schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).filter((f) => !HIDDEN.has(f))
  return fields.map((field) => ({ field, header: LABELS[field] ?? field, width: /matter|content|note|finding|text|summary|comment/.test(field) ? 40 : 16 }))
}

function named(field: string, id: string, names: Names): string | undefined {
  if (STAFF.has(field)) return names.staff.get(id)
  if (field === 'departmentId') return names.departments.get(id)
  if (field === 'roomId') return names.rooms.get(id)
  if (field === 'receptionId') return names.receptions.get(id)
  if (field === 'inspectedIds') return names.staff.get(id)
  return undefined
}

/**
 * `YYYY-MM-DD HH:mm` in `timezone`, as formatDateTime writes it, from one Intl formatter per workbook:
 * dayjs's timezone conversion per cell was most of the time a 100k-record workbook took.
 */
export function timeFormatter(timezone: string): (at: number) => string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return (at) => {
    const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]))
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
  }
}

/** A cell as an auditor reads it: a name for an id, a time in the site's timezone, 是/否, yuan for fen, words for codes. */
export function cellOf(field: string, value: unknown, time: (at: number) => string, names: Names): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') {
    if (/At$/.test(field) && Number.isSafeInteger(value)) return time(value)
    if (field === 'amountFen') return value / 100
    return value
  }
  if (typeof value === 'string') {
    if (value.startsWith('data:image/')) return '(图像,见 JSON 导出)'
    const word = WORDS[field]?.[value]
    if (word !== undefined) return word
    return (named(field, value, names) ?? value).slice(0, MAX_CELL)
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => named(field, v, names) ?? v).join('、').slice(0, MAX_CELL)
  return JSON.stringify(value).slice(0, MAX_CELL)
}
