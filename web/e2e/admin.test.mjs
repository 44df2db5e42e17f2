// The county administrator's pages and the public pages: a department liaison uploads a
// medical feed file with bad rows and sees the per-row error report (and downloads it as
// .xlsx); the county admin reads and dry-runs the rules, creates a user (the one-time password)
// and looks at the holiday calendar; on a phone, the public report form gives a code whose
// stage the status page shows, and the policy page's self-check answers "for reference only".
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { server, launch, newPage, login, shot, apiSession, PHONE } from './harness.mjs'

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

// GB 11643 check digit of the first 17 digits.
function withCheckDigit(body17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body17 + '10X98765432'[sum % 11]
}

// Answers the public form's challenge ("八减六等于几？").
function answer(question) {
  const digits = '零一二三四五六七八九'
  const m = /^(.)(加|减)(.)等于几/.exec(question)
  assert.ok(m, `unexpected challenge: ${question}`)
  const a = digits.indexOf(m[1])
  const b = digits.indexOf(m[3])
  return String(m[2] === '加' ? a + b : a - b)
}

// Picks an option of an Element Plus select (its dropdown is teleported to the body).
async function choose(page, selectLocator, optionText) {
  await page.locator(selectLocator).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first().click()
}

test('a department liaison uploads a medical file with bad rows and sees the error report', async () => {
  const page = await newPage(browser)
  await login(page, srv, 'department_liaison')
  await page.goto(`${srv.base}/imports`)
  await page.locator('[data-test=batch-table] .el-table__row').first().waitFor()
  // The liaison (医保局) is offered the medical feed only, preselected.
  assert.match(await page.locator('[data-test=feed-select]').innerText(), /医保结算/)
  await shot(page, 'imports')

  const stamp = Date.now().toString(36).toUpperCase()
  const good = withCheckDigit('50024119580301301')
  const badChecksum = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
  const csv = [
    '结算单号,身份证号,姓名,结算日期,就诊类型,医疗总费用,统筹支付,个人自付',
    `E2E-${stamp}-1,${good},测试甲,2026-10-08,门诊,120.50,80,40.50`,
    `E2E-${stamp}-2,${badChecksum},测试乙,2026-10-09,门诊,200,150,50`,
    `E2E-${stamp}-3,${good},测试甲,2026-13-45,门诊,90,60,30`,
  ].join('\n')
  await page.locator('[data-test=upload-card] input[type=file]').setInputFiles({
    name: `medical-e2e-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8'),
  })
  await page.click('[data-test=upload-start]')

  // The report opens with the two rejected rows, their columns and Chinese messages.
  const report = page.locator('[data-test=batch-report]')
  const rows = report.locator('[data-test=error-table] .el-table__body tr')
  await rows.nth(1).waitFor()
  assert.equal(await rows.count(), 2)
  assert.equal((await report.locator('[data-test=report-rejected]').innerText()).trim(), '2')
  const first = await rows.nth(0).innerText()
  const second = await rows.nth(1).innerText()
  assert.match(first, /^\s*3\s/, first)
  assert.match(first, /身份证号/)
  assert.match(second, /^\s*4\s/, second)
  assert.match(second, /结算日期/)
  for (const text of [first, second]) assert.match(text, /[\u4e00-\u9fa5]{4,}/)
  await page.locator('.el-message').first().waitFor({ state: 'detached' }) // the toast over the title
  await shot(page, 'imports-errors')

  // The server agrees: one row imported, two rejected, in the liaison's batch list.
  const liaison = await apiSession(srv, 'department_liaison')
  const list = await liaison.get('/api/v1/batches?feed=medical&page_size=5')
  const batch = list.body.items.find((b) => b.file_name === `medical-e2e-${stamp}.csv`)
  assert.ok(batch, 'the new batch is listed')
  assert.equal(batch.imported, 1)
  assert.equal(batch.rejected, 2)

  // The error report downloads as an .xlsx (a zip: "PK").
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=download-errors]')])
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const bytes = readFileSync(await download.path())
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')

  // Re-run: back to the upload form with the same feed chosen.
  await page.click('[data-test=rerun]')
  await report.waitFor({ state: 'hidden' })
  assert.match(await page.locator('[data-test=feed-select]').innerText(), /医保结算/)

  // The progress bar follows the real upload: on a slow link (40 KiB/s) a 160 KiB file shows
  // a percentage between 0 and 100 before the report. (Every row has a bad ID: nothing imported.)
  const big = ['结算单号,身份证号,姓名,结算日期,医疗总费用']
  for (let i = 0; i < 4000; i++) big.push(`E2E-${stamp}-B${i},${badChecksum},测试乙,2026-10-08,100`)
  await page.locator('[data-test=upload-card] input[type=file]').setInputFiles({
    name: `medical-e2e-${stamp}-big.csv`, mimeType: 'text/csv', buffer: Buffer.from(big.join('\n'), 'utf8'),
  })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40 * 1024 })
  await page.click('[data-test=upload-start]')
  const midway = await page.waitForFunction(() => {
    const text = document.querySelector('[data-test=upload-progress]')?.textContent ?? ''
    const percent = Number(/(\d+)%/.exec(text)?.[1] ?? -1)
    return percent > 0 && percent < 100 ? percent : null
  })
  assert.ok((await midway.jsonValue()) < 100)
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  await report.locator('[data-test=report-rejected]', { hasText: '4000' }).waitFor({ timeout: 60_000 })
  await page.context().close()
})

test('the county admin reads the rules and dry-runs a change without publishing it', async () => {
  const page = await newPage(browser)
  await login(page, srv, 'county_admin')
  await page.goto(`${srv.base}/rules`)
  const table = page.locator('[data-test=rule-table]')
  await table.locator('.el-table__body tr', { hasText: 'R08' }).waitFor()
  const text = await table.innerText()
  for (const rule of ['R01', 'R15', 'V01', '应保未保', '高龄独居']) assert.ok(text.includes(rule), `rules lack ${rule}`)
  assert.match(text, /时间窗口 365 天/)
  assert.match(await page.locator('[data-test=rules-in-force]').innerText(), /红色 得分 ≥ \d+/)
  await page.locator('[data-test=rule-versions] .el-table__body tr').first().waitFor()
  await page.waitForTimeout(600) // tags fade in
  await shot(page, 'rules')

  const before = await (await apiSession(srv, 'county_admin')).get('/api/v1/rules')
  await page.click('[data-test=edit-rules]')
  const points = table.locator('.el-table__body tr', { hasText: 'R08' }).locator('.el-input-number input').first()
  const current = Number(await points.inputValue())
  await points.fill(String(current + 20))
  await points.press('Tab')
  await page.locator('[data-test=rules-edit] .fx-diff-add').first().waitFor()
  await page.click('[data-test=dry-run]')
  const dry = page.locator('[data-test=dry-run-result]')
  await dry.waitFor()
  assert.ok((await dry.innerText()).includes(`R08.points: ${current} → ${current + 20}`), await dry.innerText())
  // Nothing was published.
  const after = await (await apiSession(srv, 'county_admin')).get('/api/v1/rules')
  assert.equal(after.body.in_force.version, before.body.in_force.version)
  await page.context().close()
})

test('the county admin creates a user and sees the one-time password; the calendar shows holidays', async () => {
  const page = await newPage(browser)
  await login(page, srv, 'county_admin')
  await page.goto(`${srv.base}/settings`)
  await page.locator('[data-test=user-table] .el-table__row', { hasText: 'demo_auditor' }).waitFor()
  await page.waitForTimeout(600) // the loading mask fades out
  await shot(page, 'settings-users')

  await page.click('[data-test=new-user]')
  const dialog = page.locator('[data-test=create-user-dialog]')
  await dialog.locator('[data-test=create-user-submit]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请填写用户名' }).waitFor()
  const username = `e2e${Date.now().toString(36)}`
  await dialog.locator('[data-test=new-username]').fill(username)
  await dialog.locator('[data-test=new-display-name]').fill('测试督导员')
  await choose(page, '[data-test=new-role]', '督导/审计')
  await dialog.locator('[data-test=create-user-submit]').click()
  const secret = page.locator('[data-test=secret-value]')
  await secret.waitFor()
  const password = (await secret.innerText()).trim()
  assert.ok(password.length >= 10, `initial password: ${password}`)
  const admin = await apiSession(srv, 'county_admin')
  const users = await admin.get('/api/v1/users?page_size=200')
  const created = users.body.items.find((u) => u.username === username)
  assert.ok(created, 'the new user is listed by the API')
  assert.equal(created.role, 'auditor')
  assert.equal(created.must_change_password, true)
  // The initial password works (and must be changed).
  const reply = await fetch(`${srv.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  })
  assert.equal(reply.status, 200)
  assert.equal((await reply.json()).must_change_password, true)
  await page.locator('[data-test=secret-dialog] .el-dialog__footer button').click()
  await page.locator('[data-test=user-table] .el-table__row', { hasText: username }).waitFor()

  // Resetting its password shows a new one-time password, and the old one stops working.
  await page.click(`[data-test=reset-${username}]`)
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.locator('[data-test=secret-dialog]:visible [data-test=secret-value]').waitFor()
  const second = (await page.locator('[data-test=secret-dialog]:visible [data-test=secret-value]').innerText()).trim()
  assert.notEqual(second, password)
  const old = await fetch(`${srv.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  })
  assert.equal(old.status, 401)
  await page.locator('[data-test=secret-dialog]:visible .el-dialog__footer button').click()

  await page.click('.el-tabs__item:has-text("节假日日历")')
  const calendar = page.locator('[data-test=calendar-tab]')
  await calendar.locator('.fx-cal-holiday').first().waitFor()
  const year = new Date().getFullYear()
  const api = await admin.get(`/api/v1/calendar/${year}`)
  assert.equal(await calendar.locator('.fx-cal-holiday').count(), api.body.holidays.length)
  assert.equal(await calendar.locator('.fx-cal-workday').count(), api.body.workdays.length)
  assert.ok(await calendar.locator(`[data-date="${year}-01-01"].fx-cal-holiday`).count(), 'New Year is a holiday')
  await shot(page, 'settings-calendar')

  // Editing a year nobody else uses (2028): a weekday clicked becomes a holiday, and is saved.
  const target = `${year + 2}-01-03` // a Monday
  const before = await admin.get(`/api/v1/calendar/${year + 2}`)
  const wasHoliday = before.status === 200 && before.body.holidays.includes(target)
  await choose(page, '[data-test=calendar-year]', String(year + 2))
  await calendar.locator(`[data-date="${target}"]`).click()
  await calendar.locator(`[data-date="${target}"]${wasHoliday ? ':not(.fx-cal-holiday)' : '.fx-cal-holiday'}`).waitFor()
  await calendar.locator('[data-test=calendar-save]').click()
  await page.locator('.el-message--success').waitFor()
  const saved = await admin.get(`/api/v1/calendar/${year + 2}`)
  assert.equal(saved.status, 200)
  assert.equal(saved.body.holidays.includes(target), !wasHoliday)
  await page.context().close()
})

test('on a phone, a public report gives a code whose stage the status page shows', async () => {
  const page = await newPage(browser, PHONE)
  await page.goto(`${srv.base}/public/report`)
  await page.locator('[data-test=challenge-question]').filter({ hasText: '等于几' }).waitFor()
  // Validation in Chinese before anything is sent.
  await page.click('[data-test=report-submit]')
  await page.locator('.el-form-item__error', { hasText: '请选择所在乡镇' }).first().waitFor()

  await choose(page, '[data-test=report-township]', '溶溪镇')
  await page.fill('[data-test=report-name]', '王大爷')
  await page.fill('[data-test=report-description]', '独居老人，腿脚不便，最近几天没见他出门买菜。')
  await page.fill('[data-test=report-phone]', '13800001234')
  await page.fill('[data-test=challenge-answer]', answer(await page.locator('[data-test=challenge-question]').innerText()))
  await page.press('[data-test=challenge-answer]', 'Tab')
  await page.locator('.el-form-item__error').first().waitFor({ state: 'detached' })
  const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  assert.ok(noOverflow, 'the report form fits the phone')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'public-report-phone')
  await page.click('[data-test=report-submit]')
  const codeBox = page.locator('[data-test=report-code]')
  await codeBox.waitFor()
  const code = (await codeBox.innerText()).trim()
  assert.match(code, /^[A-Z0-9-]{6,}$/)

  await page.click('[data-test=go-status]')
  await page.waitForURL((url) => url.pathname === '/public/status')
  const stage = page.locator('[data-test=status-stage]')
  await stage.waitFor()
  assert.match((await stage.innerText()).trim(), /^已受理/)
  const direct = await (await fetch(`${srv.base}/api/v1/public/reports/${code}`)).json()
  assert.equal(direct.stage, 'received')
  await shot(page, 'public-status-phone')

  // A wrong code shows the not-found message.
  await page.fill('[data-test=status-code]', 'ZZZZ-ZZZZ-ZZ')
  await page.click('[data-test=status-query]')
  await page.locator('[data-test=status-error]', { hasText: '没有找到' }).waitFor()
  await page.context().close()
})

test('on a phone, the policy page shows the standards and an indicative self-check', async () => {
  const page = await newPage(browser, PHONE)
  await page.goto(`${srv.base}/public/policy`)
  const policy = page.locator('[data-test=policy]')
  await policy.waitFor()
  const figures = await (await fetch(`${srv.base}/api/v1/public/policy`)).json()
  assert.ok((await policy.innerText()).includes(String(figures.dibao_rural_monthly)))
  await page.locator('[data-test=check-income] input').fill('600')
  await page.locator('[data-test=check-size] input').fill('3')
  await page.click('[data-test=check-submit]')
  const result = page.locator('[data-test=check-result]')
  await result.waitFor()
  assert.match(await result.innerText(), /可能符合/)
  assert.match(await page.locator('[data-test=self-check]').innerText(), /仅供参考/)
  const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  assert.ok(noOverflow, 'the policy page fits the phone')
  await page.locator('[data-test=self-check]').evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.mouse.move(0, 0)
  await shot(page, 'public-policy-phone')
  await page.context().close()
})

test('the county admin issues an API token (the secret shown once) and revokes it', async () => {
  const page = await newPage(browser)
  await login(page, srv, 'county_admin')
  await page.goto(`${srv.base}/settings?tab=tokens`)
  await page.locator('[data-test=tokens-tab]').waitFor()
  await page.click('[data-test=new-token]')
  const dialog = page.locator('[data-test=token-dialog]')
  await dialog.locator('[data-test=token-submit]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请填写令牌名称' }).waitFor()
  const name = `e2e 医保结算接口 ${Date.now().toString(36)}`
  await dialog.locator('[data-test=token-name]').fill(name)
  await choose(page, '[data-test=token-department]', '医保局')
  await choose(page, '[data-test=token-feeds]', '医保结算')
  await dialog.locator('.el-dialog__title').click() // close the multi-select
  await dialog.locator('[data-test=token-submit]').click()
  const secretBox = page.locator('[data-test=secret-dialog]:visible [data-test=secret-value]')
  await secretBox.waitFor()
  const secret = (await secretBox.innerText()).trim()
  assert.ok(secret.length >= 32, secret)
  const bearer = { Authorization: `Bearer ${secret}` }
  assert.equal((await fetch(`${srv.base}/api/v1/batches?feed=medical`, { headers: bearer })).status, 200)
  await page.locator('[data-test=secret-dialog]:visible .el-dialog__footer button').click()

  const row = page.locator('[data-test=token-table] .el-table__row', { hasText: name })
  await row.waitFor()
  await row.locator('button', { hasText: '吊销' }).click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await row.locator('.el-tag', { hasText: '已吊销' }).waitFor()
  assert.equal((await fetch(`${srv.base}/api/v1/batches?feed=medical`, { headers: bearer })).status, 401)
  await page.context().close()
})
