/**
 * Checks every request before its schema does, for input no schema describes but the server cannot
 * take: JSON nested deeper than any record (storing it would overflow the stack) and NUL characters
 * (PostgreSQL cannot store them in a text column; no person types one). Both are answered 400.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { httpError } from '../http/http-error'

/** Far deeper than any request or record the apps make (a record is at most 3 levels deep). */
export const MAX_DEPTH = 32

type Problem = 'depth' | 'nul'

/** What the guard refuses in `value` (walked without recursion, so depth itself cannot overflow). */
export function inputProblem(value: unknown): Problem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return 'nul'
      continue
    }
    if (item.value === null || typeof item.value !== 'object') continue
    if (item.depth >= MAX_DEPTH) return 'depth'
    for (const [key, child] of Object.entries(item.value)) {
      if (key.includes('\u0000')) return 'nul'
      stack.push({ value: child, depth: item.depth + 1 })
    }
  }
  return null
}

const MESSAGES: Record<Problem, string> = {
  depth: `请求内容嵌套太深 (invalid request: nested deeper than ${MAX_DEPTH} levels)`,
  nul: '请求内容含有不允许的字符 (invalid request: NUL character)',
}

async function inputGuardPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const problem = inputProblem(req.params) ?? inputProblem(req.query) ?? inputProblem(req.body)
    if (problem) throw httpError(400, 'BadRequest', MESSAGES[problem])
  })
}

export const inputGuard = fp(inputGuardPlugin, { name: 'input-guard' })
