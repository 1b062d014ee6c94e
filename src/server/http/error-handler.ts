/**
 * Every error becomes a JSON answer with a clear message; bad input is a 4xx, never a 500.
 * Only unexpected failures are 500, and their details stay in the log, not in the answer.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './http-error'

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    void reply.code(400).send({ error: 'BadRequest', message: `请求内容不正确 (invalid request): ${error.message}` })
    return
  }
  if (error instanceof HttpError) {
    void reply.code(error.statusCode).send({ error: error.code, message: error.message })
    return
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
  if (status === 500) {
    req.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'unexpected error')
    void reply.code(500).send({ error: 'InternalError', message: '服务器内部错误,请稍后再试 (internal error)' })
    return
  }
  void reply.code(status).send({ error: error.code ?? 'BadRequest', message: clientMessage(status, error.message) })
}

const MESSAGES: Record<number, string> = {
  400: '请求内容不正确',
  401: '未登录或凭证无效',
  403: '没有权限',
  404: '没有这个地址',
  405: '不支持这种请求',
  413: '请求内容太大',
  415: '请求内容的格式不受支持',
  429: '请求太频繁,请稍后再试',
}

function clientMessage(status: number, detail: string): string {
  return `${MESSAGES[status] ?? '请求无法处理'} (${detail})`
}
