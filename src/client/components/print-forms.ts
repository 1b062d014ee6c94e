/**
 * The paper forms the desk files (篇2 5, 篇4 5) and their form numbers. Companies number their
 * forms their own way; these defaults follow the regulations' record list.
 */
export const FORM_NUMBERS = {
  /** 篇2 5.1《客户服务中心值班记录表》 */
  dutyLog: 'KF-JL-01',
  /** 篇2 5.2《排班表》 */
  roster: 'KF-JL-02',
  /** 篇2 5.3《质量检查记录》 */
  inspection: 'KF-JL-03',
  /** 篇4 5《接待业主情况记录》 */
  register: 'KF-JL-04',
  staffList: 'KF-JL-05',
  /** 月度客服工作报告 (issue 16 point 3): a report, not one of the regulations' records. */
  statisticsReport: 'KF-TJ-01',
} as const

export type FormName = keyof typeof FORM_NUMBERS

/** Duty-log columns (SPEC §2, 篇2 4.2.2–4.2.3): one entry per row. */
export const DUTY_LOG_COLUMNS = ['time', 'source', 'content', 'urgency', 'action', 'notified', 'followUp'] as const
export type DutyLogColumn = (typeof DUTY_LOG_COLUMNS)[number]

/**
 * Columns of 《接待业主情况记录》 (篇4 4.2, 4.5–4.8): 接待日期、业主姓名/联系电话、房号、事由 as 篇4 4.2 lists
 * them, 处理情况及结果 and 完成日期 (篇4 4.5–4.8), 接待人, with 序号 and 编号 (the reference number) to file by.
 */
export const REGISTER_COLUMNS = ['index', 'receivedAt', 'customer', 'room', 'matter', 'handling', 'resolvedAt', 'receiver', 'ref'] as const
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number]
