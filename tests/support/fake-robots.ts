/**
 * A fake WeCom 群机器人 and a fake DingTalk 自定义机器人 on 127.0.0.1 (issue 15): they check each request as
 * the platforms would — the payload's shape, its size in UTF-8 bytes, DingTalk's signature recomputed from
 * the secret and its timestamp — and answer `{ errcode, errmsg }`, with the error codes a test asks for.
 */
import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  platform: 'wecom' | 'dingtalk'
  /** The WeCom key or the DingTalk token it came with. */
  robot: string
  title: string
  text: string
}

export interface FakeRobots {
  url: string
  received: Received[]
  /** Every request that reached it, answered well or not. */
  requests: number
  /** What a request broke of the platform's rules (shape, size, signature): empty when all were right. */
  problems: string[]
  /** Answer these errcodes (or an HTTP status, as `{ http }`) to the next requests, in turn, whatever they are. */
  queue: (number | { http: number })[]
  wecomKeys: Set<string>
  dingtalk: Map<string, string>
  close(): Promise<void>
}

const WECOM_MARKDOWN = 4096

function sign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
}

export async function fakeRobots(): Promise<FakeRobots> {
  const robots: FakeRobots = { url: '', received: [], requests: 0, problems: [], queue: [], wecomKeys: new Set(), dingtalk: new Map(), close: async () => undefined }
  const answer = (res: http.ServerResponse, errcode: number, errmsg: string): void => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode, errmsg }))
  }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (raw += c))
    req.on('end', () => {
      robots.requests++
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const forced = robots.queue.shift()
      if (typeof forced === 'object') return void res.writeHead(forced.http).end('busy')
      let body: { msgtype?: string; markdown?: { content?: string; title?: string; text?: string } }
      try {
        body = JSON.parse(raw) as typeof body
      } catch {
        robots.problems.push('not JSON')
        return answer(res, 40000, 'invalid json')
      }
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json') robots.problems.push(`${req.method} ${String(req.headers['content-type'])}`)
      if (url.pathname === '/cgi-bin/webhook/send') {
        const key = url.searchParams.get('key') ?? ''
        const content = body.markdown?.content
        if (body.msgtype !== 'markdown' || typeof content !== 'string') robots.problems.push(`wecom shape: ${raw.slice(0, 80)}`)
        else if (Buffer.byteLength(content, 'utf8') > WECOM_MARKDOWN) robots.problems.push(`wecom: ${Buffer.byteLength(content, 'utf8')} bytes`)
        if (forced !== undefined) return answer(res, forced, 'forced')
        if (!robots.wecomKeys.has(key)) return answer(res, 93000, 'invalid webhook url, hint: [x]')
        robots.received.push({ platform: 'wecom', robot: key, title: '', text: content ?? '' })
        return answer(res, 0, 'ok')
      }
      if (url.pathname === '/robot/send') {
        const token = url.searchParams.get('access_token') ?? ''
        const timestamp = url.searchParams.get('timestamp') ?? ''
        const given = url.searchParams.get('sign') ?? ''
        const md = body.markdown
        if (body.msgtype !== 'markdown' || typeof md?.title !== 'string' || typeof md.text !== 'string') robots.problems.push(`dingtalk shape: ${raw.slice(0, 80)}`)
        if (forced !== undefined) return answer(res, forced, 'forced')
        const secret = robots.dingtalk.get(token)
        if (secret === undefined) return answer(res, 300001, 'token is not exist')
        if (!/^\d{13}$/.test(timestamp) || given !== sign(secret, timestamp)) return answer(res, 310000, 'sign not match')
        robots.received.push({ platform: 'dingtalk', robot: token, title: md?.title ?? '', text: md?.text ?? '' })
        return answer(res, 0, 'ok')
      }
      res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  robots.url = `http://127.0.0.1:${port}`
  robots.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return robots
}
