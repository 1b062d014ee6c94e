/** The server tests that start the real server (backup, deploy) run the compiled one: build it first. */
import { ensureServerBuilt } from './app-server'

export default function setup(): void {
  ensureServerBuilt()
}
