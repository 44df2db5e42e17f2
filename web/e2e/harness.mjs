// End-to-end harness: a Faxian server with the small synthetic county (`faxian demo --scale
// small --serve`, which prints one account per role; FAXIAN_WEB_DIST overrides web/dist) and Debian's Chromium driven by
// playwright-core. `node e2e/run.mjs FAXIAN` starts one server for every test file; a test file
// run alone starts its own.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const webDir = resolve(here, '..')
export const repoDir = resolve(webDir, '..')
export const screenshotDir = join(repoDir, 'docs', 'screenshots')

export const DESKTOP = { width: 1366, height: 768 }
export const PHONE = { width: 390, height: 844 }

// Starts `faxian demo --serve` on a free port; resolves when it listens, with the demo accounts.
export async function startDemo({ faxian = process.env.FAXIAN ?? join(repoDir, 'build', 'faxian'), port } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'faxian-e2e-'))
  port ??= 18500 + Math.floor(Math.random() * 400)
  const child = spawn(
    faxian,
    ['--db', join(work, 'faxian.db'), 'demo', '--scale', 'small', '--seed', '1', '--serve',
      '--listen', `127.0.0.1:${port}`, '--web', process.env.FAXIAN_WEB_DIST ?? join(webDir, 'dist'), '--data-dir', join(work, 'feeds')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const accounts = {}
  let output = ''
  await new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start in 180 s:\n${output}`)), 180_000)
    const onData = (chunk) => {
      output += chunk
      for (const line of String(chunk).split('\n')) {
        const account = /^\s+(demo_\w+)\s+(\S+)\s+(\w+)/.exec(line)
        if (account) accounts[account[3]] = { username: account[1], password: account[2] }
      }
      if (output.includes('服务已启动')) {
        clearTimeout(timer)
        resolveStart()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`demo exited with ${code}:\n${output}`))
    })
  })
  child.removeAllListeners('exit')
  return {
    base: `http://127.0.0.1:${port}`,
    accounts,
    work,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      rmSync(work, { recursive: true, force: true })
    },
  }
}

// The server of this run: the shared one of run.mjs (FAXIAN_E2E), else one of its own.
export async function server() {
  if (process.env.FAXIAN_E2E) return { ...JSON.parse(process.env.FAXIAN_E2E), stop: async () => {} }
  return startDemo()
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

// A fresh browser context (its own cookies) with a page at the given size, in Chinese.
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return page
}

// Logs in through the login page as the demo account of `role`; resolves on its home page.
export async function login(page, srv, role) {
  const account = srv.accounts[role]
  if (!account) throw new Error(`no demo account for ${role}`)
  await page.goto(`${srv.base}/login`)
  await page.fill('#username', account.username)
  await page.fill('#password', account.password)
  await page.click('[data-test=login-submit]')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return account
}

// Saves a screenshot of the page as docs/screenshots/<name>.png (committed; see 60-ui.md).
export async function shot(page, name) {
  mkdirSync(screenshotDir, { recursive: true })
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false })
}

// The session's cookie and CSRF token, for API calls made beside the UI.
export async function apiSession(srv, role) {
  const account = srv.accounts[role]
  const reply = await fetch(`${srv.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  })
  if (!reply.ok) throw new Error(`login ${role}: ${reply.status} ${await reply.text()}`)
  const cookie = reply.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await reply.json()
  const call = async (method, path, body) => {
    const r = await fetch(`${srv.base}${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await r.text()
    let json = null
    try { json = JSON.parse(text) } catch { /* not JSON */ }
    return { status: r.status, body: json, text }
  }
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b ?? {}) }
}
