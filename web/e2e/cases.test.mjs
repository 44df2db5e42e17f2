// Leads, lead detail and household pages: a township officer walks a data warning from the
// inbox through verification to an outcome in the UI (bulk assign with a per-row failure,
// start verification, a structured verification record, a decision) and the API shows the
// lead closed; a village coordinator opening another village's household sees only the
// not-found page; the household profile (members, reveal with reason, timeline chart) on the
// desktop and on a phone; the household search.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { server, launch, newPage, login, shot, apiSession, PHONE } from './harness.mjs'

let srv
let browser
let township
let county
let coordinator
before(async () => {
  srv = await server()
  browser = await launch()
  township = await apiSession(srv, 'township_officer')
  county = await apiSession(srv, 'county_officer')
  coordinator = await apiSession(srv, 'village_coordinator')
})
after(async () => {
  await browser?.close()
  await srv?.stop()
})

const COORDINATOR_VILLAGE = '500241003005' // 官桥社区, the coordinator's village: left to the visits pages

// A `new` data-warning lead of 平凯街道 outside the coordinator's village, taken from the middle
// of the inbox so that the first and last leads stay for others.
async function pickNewLead() {
  const reply = await township.get('/api/v1/leads?status=new&source=data_warning&township=500241003&page_size=500')
  assert.equal(reply.status, 200, reply.text)
  const candidates = reply.body.items.filter((l) => l.household_no && l.village !== COORDINATOR_VILLAGE)
  assert.ok(candidates.length > 2, 'the demo county has new data-warning leads in 平凯街道')
  return candidates[Math.floor(candidates.length / 2)]
}

async function chooseOption(page, selectTest, text) {
  await page.click(`[data-test=${selectTest}]`)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

test('a township officer walks a data warning from the inbox to an outcome', async () => {
  const lead = await pickNewLead()
  const officer = srv.accounts.township_officer.username
  const page = await newPage(browser)
  await login(page, srv, 'township_officer')

  // The inbox, then filtered by the lead's village through the URL.
  await page.goto(`${srv.base}/leads`)
  await page.locator('[data-test=leads-table] .el-table__row').first().waitFor()
  const firstPage = await page.locator('[data-test=leads-table]').innerText()
  assert.match(firstPage, /XS\d{8}-\d{4}/)
  assert.match(firstPage, /数据预警/)
  await shot(page, 'leads')

  await page.goto(`${srv.base}/leads?village=${lead.village}`)
  const row = page.locator('[data-test=leads-table] .el-table__row', { hasText: lead.lead_no })
  await row.waitFor()
  assert.match(await row.innerText(), /待分派/)
  // Every row shown belongs to the filtered village.
  const listed = await township.get(`/api/v1/leads?village=${lead.village}&page_size=20`)
  assert.equal(await page.locator('[data-test=leads-table] .el-table__row').count(), Math.min(20, listed.body.total))

  // Bulk assign: an unknown user fails row by row with the server's message, then the real one.
  await row.locator('.el-checkbox').click()
  await page.click('[data-test=bulk-assign]')
  const dialog = page.locator('[data-test=bulk-assign-dialog]')
  await dialog.locator('input[data-test=assignee-input]').fill('nobody_here_9')
  await dialog.locator('[data-test=assign-submit]').click()
  const failures = dialog.locator('[data-test=assign-failures]')
  await failures.waitFor()
  assert.match(await failures.innerText(), new RegExp(`${lead.lead_no}.*不存在`))
  await dialog.locator('input[data-test=assignee-input]').fill(officer)
  await dialog.locator('[data-test=assign-submit]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=leads-table] .el-table__row', { hasText: lead.lead_no }).filter({ hasText: '已分派' }).waitFor()

  // The lead page: rules with their evidence, the household, the timeline chart.
  await page.locator('[data-test=leads-table] .el-table__row', { hasText: lead.lead_no }).locator('td').nth(3).click()
  await page.waitForURL((url) => url.pathname === `/leads/${lead.lead_no}`)
  const status = page.locator('[data-test=lead-status]')
  await status.waitFor()
  assert.equal(await status.getAttribute('data-status'), 'assigned')
  await page.locator('[data-test=warning-rules] [data-warning]').first().waitFor()
  const rules = await page.locator('[data-test=warning-rules]').innerText()
  assert.match(rules, /R\d\d/)
  assert.match(rules, /依据：/)
  assert.match(await page.locator('[data-test=household-summary]').innerText(), new RegExp(lead.household_no))
  await page.locator('[data-test=timeline-chart] canvas').waitFor()
  assert.equal(await page.locator('[data-test=lead-assignee]').innerText(), officer)
  // Only the actions the state allows.
  assert.equal(await page.locator('[data-test=action-decide]').count(), 0)
  assert.equal(await page.locator('[data-test=action-close]').count(), 0)
  await shot(page, 'lead-detail')

  // Start verification.
  await page.click('[data-test=action-start_verification]')
  await page.locator('[data-test=action-dialog-start_verification] [data-test=action-submit]').click()
  await page.locator('[data-test=lead-status][data-status=verifying]').waitFor()

  // The verification record: required fields are checked in Chinese first.
  await page.click('[data-test=action-record_verification]')
  const verify = page.locator('[data-test=verification-dialog]')
  await verify.locator('[data-test=action-submit]').click()
  await verify.locator('.el-form-item__error', { hasText: '请选择核实方式' }).waitFor()
  await verify.locator('.el-form-item__error', { hasText: '请选择申请意愿' }).waitFor()
  await chooseOption(page, 'verify-method', '入户核实')
  await verify.locator('[data-test=verify-willingness] .el-radio', { hasText: '不愿申请' }).click()
  await verify.locator('[data-test=verify-ability] .el-radio', { hasText: '能自行申请' }).click()
  await verify.locator('.el-input-group', { hasText: '饮食' }).locator('input').fill('正常，有存粮')
  await verify.locator('[data-test=action-submit]').click()
  await verify.waitFor({ state: 'hidden' })
  await page.locator('[data-test=lead-verifications]').getByText('正常，有存粮').waitFor()

  // The decision: no difficulty found, which closes the lead.
  await page.click('[data-test=action-decide]')
  const decide = page.locator('[data-test=decide-dialog]')
  await decide.locator('[data-test=action-submit]').click()
  await decide.locator('.el-form-item__error', { hasText: '请选择处置' }).waitFor()
  await chooseOption(page, 'decide-outcome', '经核实无困难')
  await decide.locator('textarea[data-test=decide-reason]').fill('入户核实，家庭收入稳定，无困难')
  await decide.locator('[data-test=action-submit]').click()
  await decide.waitFor({ state: 'hidden' })
  await page.locator('[data-test=lead-status][data-status=closed]').waitFor()
  assert.match(await page.locator('[data-test=lead-outcomes]').innerText(), /经核实无困难/)
  assert.match(await page.locator('[data-test=lead-history]').innerText(), /处置/)

  // The server agrees.
  const after = await township.get(`/api/v1/leads/${lead.lead_no}`)
  assert.equal(after.status, 200)
  assert.equal(after.body.status, 'closed')
  assert.equal(after.body.assignee, officer)
  assert.deepEqual(after.body.outcomes.map((o) => o.outcome), ['no_need'])
  assert.equal(after.body.verifications.length, 1)
  assert.equal(after.body.verifications[0].method, 'home_visit')
  assert.equal(after.body.verifications[0].willingness, 'no')
  assert.deepEqual(after.body.allowed_actions, ['reopen'])
  await page.context().close()
})

test('a stale lead (changed by someone else) is reloaded with a message', async () => {
  const lead = await pickNewLead()
  const page = await newPage(browser)
  await login(page, srv, 'township_officer')
  await page.goto(`${srv.base}/leads/${lead.lead_no}`)
  await page.locator('[data-test=lead-status][data-status=new]').waitFor()
  // Another officer assigns it meanwhile.
  const other = await county.post(`/api/v1/leads/${lead.lead_no}/actions`, {
    action: 'assign', version: lead.version, assignee: srv.accounts.township_officer.username,
  })
  assert.equal(other.status, 200, other.text)
  await page.click('[data-test=action-assign]')
  const dialog = page.locator('[data-test=action-dialog-assign]')
  await dialog.locator('[data-test=action-submit]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请输入被分派人的用户名' }).waitFor()
  await dialog.locator('input[data-test=assignee-input]').fill(srv.accounts.township_officer.username)
  await dialog.locator('[data-test=action-submit]').click()
  await page.locator('.el-message', { hasText: '已被他人更新' }).waitFor()
  await page.locator('[data-test=lead-status][data-status=assigned]').waitFor()
  await page.context().close()
})

test("a village coordinator cannot open another village's household", async () => {
  const other = await county.get('/api/v1/households?township=500241001&page_size=5')
  assert.equal(other.status, 200, other.text)
  const household = other.body.items[0]
  assert.notEqual(household.village, COORDINATOR_VILLAGE)
  const profile = await county.get(`/api/v1/households/${household.household_no}`)
  const names = profile.body.members.map((m) => m.name)
  assert.ok(names.length > 0)
  assert.equal((await coordinator.get(`/api/v1/households/${household.household_no}`)).status, 404)

  const page = await newPage(browser, PHONE)
  await login(page, srv, 'village_coordinator')
  await page.goto(`${srv.base}/households/${household.household_no}`)
  const notFound = page.locator('[data-test=household-not-found]')
  await notFound.waitFor()
  assert.match(await notFound.innerText(), /不存在或不在您的辖区/)
  const body = await page.locator('body').innerText()
  for (const name of names) assert.ok(!body.includes(name), `member name ${name} shown`)
  assert.equal(await page.locator('[data-test=members]').count(), 0)
  await page.context().close()
})

test('a village coordinator reads a household of the village on a phone', async () => {
  const list = await coordinator.get('/api/v1/households?page_size=100')
  assert.equal(list.status, 200, list.text)
  assert.ok(list.body.items.every((h) => h.village === COORDINATOR_VILLAGE))
  const household = list.body.items.find((h) => h.warning_level) ?? list.body.items[0]
  const profile = await coordinator.get(`/api/v1/households/${household.household_no}`)
  const page = await newPage(browser, PHONE)
  await login(page, srv, 'village_coordinator')
  await page.goto(`${srv.base}/households/${household.household_no}`)
  const members = page.locator('[data-test=members]')
  await members.waitFor()
  const text = await members.innerText()
  assert.ok(text.includes(profile.body.members[0].name))
  assert.match(text, /\d{6}\*{8}[\dX]{4}/) // masked resident IDs
  assert.doesNotMatch(text, /查看完整号码/) // coordinators may not reveal
  await page.locator('[data-test=timeline-chart] canvas').waitFor()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`)
  await shot(page, 'household-phone')
  await page.context().close()
})

test('a township officer reads a household profile and reveals an ID with a reason', async () => {
  const list = await township.get('/api/v1/households?village=500241003005&page_size=100')
  const household = list.body.items.find((h) => h.warning_level === 'red') ?? list.body.items[0]
  const profile = await township.get(`/api/v1/households/${household.household_no}`)
  const member = profile.body.members[0]
  const page = await newPage(browser)
  await login(page, srv, 'township_officer')
  await page.goto(`${srv.base}/households/${household.household_no}`)
  await page.locator('[data-test=members]').getByText(member.name).first().waitFor()
  assert.match(await page.locator('[data-test=household-head]').innerText(), new RegExp(household.household_no))
  await page.locator('[data-test=timeline-chart] canvas').waitFor()
  if (household.warning_level) assert.match(await page.locator('[data-test=household-tabs]').innerText(), /R\d\d/)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`)
  await shot(page, 'household')

  await page.click(`[data-test=reveal-${member.person_id}]`)
  const dialog = page.locator('[data-test=reveal-dialog]')
  await dialog.locator('[data-test=reveal-submit]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请填写查看理由' }).waitFor()
  assert.equal(await dialog.locator('[data-test=reveal-value]').count(), 0)
  await dialog.locator('input[data-test=reveal-reason]').fill('入户核实需核对身份')
  await dialog.locator('[data-test=reveal-submit]').click()
  const value = dialog.locator('[data-test=reveal-value]')
  await value.waitFor()
  assert.match(await value.innerText(), /^\d{17}[\dX]$/)
  assert.ok((await value.innerText()).endsWith(member.resident_id.slice(-4)))
  await page.context().close()
})

test('a township officer searches households by name', async () => {
  const list = await township.get('/api/v1/households?page_size=30')
  const household = list.body.items.find((h) => h.head_name)
  const page = await newPage(browser)
  await login(page, srv, 'township_officer')
  // Browsing a village through the URL: every row is of that village.
  const village = await township.get('/api/v1/households?village=500241003005&page_size=20')
  await page.goto(`${srv.base}/households?village=500241003005`)
  await page.locator('[data-test=households-table] .el-table__row').first().waitFor()
  const browsed = await page.locator('[data-test=households-table] .el-table__row').allInnerTexts()
  assert.equal(browsed.length, village.body.items.length)
  assert.ok(browsed.every((r) => r.includes('官桥社区')), browsed.join('\n'))
  await shot(page, 'household-search')
  await page.click('.fx-toolbar button:has-text("重置")')
  await page.fill('input[data-test=household-q]', household.head_name)
  await page.click('[data-test=household-search]')
  const row = page.locator('[data-test=households-table] .el-table__row', { hasText: household.household_no })
  await row.waitFor()
  const found = await township.get(`/api/v1/households?q=${encodeURIComponent(household.head_name)}&page_size=20`)
  assert.equal(await page.locator('[data-test=households-table] .el-table__row').count(), found.body.items.length)
  await row.click()
  await page.waitForURL((url) => url.pathname === `/households/${household.household_no}`)
  await page.locator('[data-test=members]').waitFor()
  await page.context().close()
})
