// Runs every e2e/*.test.mjs against one demo server (started once: the small county takes
// ~20 s to generate, import and screen). Usage: node e2e/run.mjs [FAXIAN] [test files…]
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startDemo, webDir } from './harness.mjs'

const [faxianArg, ...only] = process.argv.slice(2)
const faxian = faxianArg ? resolve(faxianArg) : undefined
const srv = await startDemo({ faxian })
let status = 1
try {
  const files = only.length
    ? only
    : readdirSync(join(webDir, 'e2e')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join('e2e', f))
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, FAXIAN_E2E: JSON.stringify({ base: srv.base, accounts: srv.accounts }) },
  })
  status = run.status ?? 1
} finally {
  await srv.stop()
}
process.exit(status)
