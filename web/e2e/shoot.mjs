// A look at a page as a user sees it, for development: node e2e/shoot.mjs URL OUT.png
//   [--phone] [--login USER:PASSWORD] [--wait MS]
import { launch, newPage, DESKTOP, PHONE } from './harness.mjs'

const args = process.argv.slice(2)
const url = args[0]
const out = args[1]
const flag = (name) => args.indexOf(name)
const phone = flag('--phone') >= 0
const credentials = flag('--login') >= 0 ? args[flag('--login') + 1] : null
const wait = flag('--wait') >= 0 ? Number(args[flag('--wait') + 1]) : 800
const browser = await launch()
try {
  const page = await newPage(browser, phone ? PHONE : DESKTOP)
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()))
  page.on('pageerror', (e) => console.error('pageerror:', e.message))
  if (credentials) {
    const [username, password] = credentials.split(':')
    const origin = new URL(url).origin
    await page.goto(`${origin}/login`)
    await page.fill('#username', username)
    await page.fill('#password', password)
    await page.click('[data-test=login-submit]')
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  }
  await page.goto(url)
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(wait)
  await page.screenshot({ path: out, fullPage: true })
  console.log(`saved ${out}`)
} finally {
  await browser.close()
}
