/**
 * `--password-stdin`: the password from standard input, so it stays out of the shell history and
 * the process list. Piped in, the first line is the password; at a terminal it is asked for and not
 * shown as it is typed.
 */
import type { Readable } from 'node:stream'

const firstLine = (text: string): string => text.split(/\r?\n/)[0] ?? ''

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** Asks at the terminal without echo; Enter ends, Backspace deletes, Ctrl-C or Ctrl-D gives up. */
function askHidden(prompt: string): Promise<string | null> {
  const input = process.stdin
  process.stderr.write(prompt)
  input.setRawMode(true)
  input.setEncoding('utf8')
  input.resume()
  return new Promise((resolve) => {
    let typed = ''
    const done = (value: string | null): void => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      resolve(value)
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(typed)
        if (ch === '\u0003' || ch === '\u0004') return done(null)
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('')
        else if (ch >= ' ') typed += ch
      }
    }
    input.on('data', onData)
  })
}

/** The password from standard input; null when the person gave up at the terminal. */
export async function readPasswordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return askHidden('密码 (password): ')
  return firstLine(await readAll(process.stdin))
}
