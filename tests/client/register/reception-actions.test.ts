import { describe, expect, it } from 'vitest'
import { offeredEvents } from '@client/features/register/rows/reception-actions'
import type { Category } from '@shared/domain/reception'
import type { EventType } from '@shared/domain/reception-event'
import { receptionState } from '@shared/domain/reception-status'
import { defaultSettings } from '@shared/domain/settings'
import { HOUR } from '@shared/domain/time'
import { CLERK, ENGINEERING, makeEvent, makeReception, SITE, T0 } from '../../factories/register-print'

const ENGINEER = { id: '01930000-0000-7000-8000-0000000000e1', role: 'department' as const, departmentId: ENGINEERING }
const ASSISTANT = { id: CLERK, role: 'assistant' as const, departmentId: null }

type Step = [EventType, number]

function offered(category: Category, steps: Step[], viewer: typeof ASSISTANT | typeof ENGINEER = ASSISTANT): EventType[] {
  const r = makeReception({ category })
  const events = steps.map(([type, hours]) =>
    makeEvent(r, type, T0 + hours * HOUR, {
      note: '已处理',
      departmentId: type === 'handedOver' ? ENGINEERING : null,
      satisfaction: type === 'returnVisit' ? 'satisfied' : null,
      staffId: type === 'departmentDone' ? ENGINEER.id : CLERK,
    }),
  )
  return offeredEvents(receptionState(r, events, T0 + 10 * HOUR, defaultSettings(SITE)), category, viewer)
}

describe('offeredEvents: the next steps on a request', () => {
  it.each<{ name: string; category: Category; steps: Step[]; viewer?: typeof ENGINEER; want: EventType[] }>([
    { name: 'a repair with the department', category: 'repair', steps: [['handedOver', 1]], want: ['result', 'handedOver', 'followUp', 'correction', 'signed'] },
    {
      name: 'a repair the department reported done: the return visit and the signature on its report, the desk’s own result still possible (篇4 4.6)',
      category: 'repair',
      steps: [['handedOver', 1], ['departmentDone', 3]],
      want: ['returnVisit', 'result', 'handedOver', 'correction', 'signed'],
    },
    { name: 'an enquiry the department answered: closed, the desk may add its own result', category: 'enquiry', steps: [['handedOver', 1], ['departmentDone', 3]], want: ['result', 'handedOver', 'correction', 'signed'] },
    { name: 'a repair reported done and then given the desk’s result', category: 'repair', steps: [['handedOver', 1], ['departmentDone', 3], ['result', 4]], want: ['returnVisit', 'correction', 'signed'] },
    { name: 'a repair reported done and visited', category: 'repair', steps: [['handedOver', 1], ['departmentDone', 3], ['returnVisit', 5]], want: ['returnVisit', 'result', 'handedOver', 'correction', 'signed'] },
    { name: 'the department, while it is with it', category: 'repair', steps: [['handedOver', 1]], viewer: ENGINEER, want: ['departmentDone', 'followUp'] },
    { name: 'the department, once it reported', category: 'repair', steps: [['handedOver', 1], ['departmentDone', 3]], viewer: ENGINEER, want: [] },
  ])('$name', ({ category, steps, viewer, want }) => {
    expect(offered(category, steps, viewer)).toEqual(want)
  })
})
