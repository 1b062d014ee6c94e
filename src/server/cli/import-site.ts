/**
 * `npm run admin -- import-site --file FILE`: recreates a site from its JSON archive (issue 12 point 7)
 * through the same import as the console, for archives too large to upload from a browser.
 */
import fs from 'node:fs/promises'
import type { ServerDb } from '../db/connection'
import { httpError } from '../http/http-error'
import { importSiteArchive } from '../admin/site-import'

export async function importSiteFromFile(db: ServerDb, file: string, now: number): Promise<{ text: string; json: unknown }> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (e) {
    throw httpError(400, 'BadArchive', `读不到文件 ${file} (cannot read the file): ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw httpError(400, 'BadArchive', `文件 ${file} 不是 JSON,不是项目导出文件 (not JSON: not a site archive)`)
  }
  const done = await importSiteArchive(db, value, now)
  return {
    text: [
      `已导入项目 (site imported): ${done.name}`,
      `  项目ID (site id): ${done.siteId}`,
      `  记录 (records): ${done.records}`,
      `  原有平板 ${done.devices} 台已列为停用,字母保留;平板需重新注册 (${done.devices} old tablets listed as revoked, letters kept; tablets enrol again)`,
      `下一步 (next): npm run admin -- enrol-code --site ${done.siteId}`,
      '',
    ].join('\n'),
    json: done,
  }
}
