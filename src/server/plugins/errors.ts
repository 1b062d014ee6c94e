/**
 * Every error becomes a JSON answer with a clear message; bad input is a 4xx, never a 500.
 * Only unexpected failures are 500, and their details stay in the log, not in the answer.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    void reply.code(400).send({ error: 'BadRequest', message: `请求内容不正确:${error.message}`, details: error.validation })
    return
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
  if (status === 500) {
    req.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'unexpected error')
    void reply.code(500).send({ error: 'InternalError', message: '服务器内部错误,请稍后再试 (internal error)' })
    return
  }
  void reply.code(status).send({ error: error.code ?? 'BadRequest', message: error.message })
}
