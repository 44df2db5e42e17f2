// The login page: each role logs in and lands on its home page; a wrong password shows the
// server's Chinese message; the public pages need no login.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { server, launch, newPage, login, shot, PHONE } from './harness.mjs'

let srv
let browser
before(async () => {
  srv = await server()
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await srv?.stop()
})

test('a wrong password is refused with a message in Chinese', async () => {
  const page = await newPage(browser)
  await page.goto(`${srv.base}/login`)
  await page.fill('#username', srv.accounts.township_officer.username)
  await page.fill('#password', 'not-the-password-1')
  await page.click('[data-test=login-submit]')
  const alert = page.locator('[data-test=login-error]')
  await alert.waitFor()
  assert.match(await alert.innerText(), /[\u4e00-\u9fa5]/)
  assert.equal(new URL(page.url()).pathname, '/login')
  await shot(page, 'login-error')
  await page.context().close()
})

test('every role logs in, sees its own menu and logs out', async () => {
  const expectedMenu = {
    county_admin: ['系统设置', '预警规则', '审计日志'],
    county_officer: ['督导看板', '预警与线索'],
    township_officer: ['预警与线索', '救助申请'],
    village_coordinator: ['走访任务'],
    hotline_operator: ['热线登记'],
    department_liaison: ['数据交换', '部门转介'],
    auditor: ['审计日志', '督导看板'],
  }
  for (const [role, entries] of Object.entries(expectedMenu)) {
    const page = await newPage(browser)
    await login(page, srv, role)
    const menu = await page.locator('.fx-menu').innerText()
    for (const entry of entries) assert.ok(menu.includes(entry), `${role}: menu lacks ${entry}: ${menu}`)
    if (role !== 'county_admin') assert.ok(!menu.includes('系统设置'), `${role} sees settings`)
    await page.click('[data-test=user-menu]')
    await page.click('[data-test=logout]')
    await page.waitForURL((url) => url.pathname === '/login')
    // The session is gone: a logged-in page sends back to the login page.
    await page.goto(`${srv.base}/leads`)
    await page.waitForURL((url) => url.pathname === '/login')
    await page.context().close()
  }
})

test('the login page on a phone', async () => {
  const page = await newPage(browser, PHONE)
  await page.goto(`${srv.base}/login`)
  await page.locator('#username').waitFor()
  await shot(page, 'login-phone')
  await page.context().close()
})
