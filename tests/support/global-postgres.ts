import type { TestProject } from 'vitest/node'
import { startCluster } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
  }
}

/** Server tests run on SQLite and on a real PostgreSQL: TEST_DATABASE_URL, or a throwaway cluster. */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    project.provide('pgAdminUrl', given)
    return () => {}
  }
  const cluster = await startCluster()
  project.provide('pgAdminUrl', cluster.url)
  return () => cluster.stop()
}
