/** The start's turns given back to the browser (issue 17): what follows runs in a task of its own. */
import { afterEach, describe, expect, it } from 'vitest'
import { yieldToBrowser } from '@client/modules/yield'

const g = globalThis as { scheduler?: unknown }
afterEach(() => {
  delete g.scheduler
})

describe('yieldToBrowser', () => {
  it('goes on after the task already queued, not in the same one', async () => {
    const order: string[] = []
    setTimeout(() => order.push('queued task'), 0)
    void Promise.resolve().then(() => order.push('microtask'))
    await yieldToBrowser()
    order.push('after the yield')
    expect(order).toEqual(['microtask', 'queued task', 'after the yield'])
  })

  it('uses scheduler.yield where the browser has it', async () => {
    let asked = 0
    g.scheduler = {
      yield: () => {
        asked++
        return Promise.resolve()
      },
    }
    await yieldToBrowser()
    expect(asked).toBe(1)
  })
})
