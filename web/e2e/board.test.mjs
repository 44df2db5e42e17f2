// The board area: the home page of each role, the supervision board (charts drawn from the
// API's figures, click-through to the leads list), the monthly report and its .xlsx export,
// the audit log and its hash-chain check, and an application from the list to its decision
// and payment.
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

// An input or textarea carrying data-test (Element Plus puts it on the native field).
const field = (scope, name) =>
  scope.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
const figure = async (page, name) => Number((await page.locator(`[data-test=${name}] [data-test=figure]`).innerText()).trim())

test('county officer: home figures, the supervision board and a click-through to the leads', async () => {
  const api = await apiSession(srv, 'county_officer')
  const page = await newPage(browser)
  await login(page, srv, 'county_officer')
  await page.locator('[data-home=county]').waitFor()
  await page.locator('[data-test=on-time-rate] [data-test=figure]').filter({ hasText: '%' }).waitFor()
  const dash = (await api.get('/api/v1/stats/dashboard')).body
  assert.equal(await figure(page, 'warnings-red'), dash.warnings.red)
  assert.equal(await figure(page, 'warnings-orange'), dash.warnings.orange)
  assert.equal(await figure(page, 'leads-overdue'), dash.leads.overdue)
  await shot(page, 'home-county')

  await page.click('[data-test=to-supervision]')
  await page.waitForURL((url) => url.pathname === '/supervision')
  const board = page.locator('.fx-sup[data-from]')
  await board.waitFor()
  for (const chart of ['level', 'funnel', 'township', 'source', 'trend', 'on-time']) {
    await page.locator(`[data-test=chart-${chart}] canvas`).first().waitFor()
  }
  const from = await board.getAttribute('data-from')
  const to = await board.getAttribute('data-to')
  const figures = (await api.get(`/api/v1/stats/supervision?from=${from}&to=${to}`)).body
  assert.ok(figures.volume.warnings > 0, 'the demo county has warnings')
  assert.equal(Number(await page.locator('[data-test=kpi-warnings]').innerText()), figures.volume.warnings)
  assert.equal(await page.locator('[data-test=chart-level] .el-empty').count(), 0)
  // The overdue list under the charts shows the API's overdue leads.
  const firstOverdue = figures.overdue.leads[0]
  if (firstOverdue) assert.ok((await page.locator('[data-test=overdue-list]').innerText()).includes(firstOverdue.lead_no))
  await page.waitForTimeout(800) // chart animations
  await shot(page, 'supervision')
  // The board's tables export to .xlsx too.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export-board]')])
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString('latin1'), 'PK')

  // Click the bar of the township with most warnings: the leads list of that township opens.
  const rows = figures.volume.warnings_by_township
  let best = 0
  rows.forEach((r, i) => { if (r.total > rows[best].total) best = i })
  const canvas = page.locator('[data-test=chart-township] canvas').first()
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  const width = (box.width - 40 - 16) / rows.length
  await page.mouse.click(box.x + 40 + width * (best + 0.5), box.y + box.height - 70 - 4)
  await page.waitForURL((url) => url.pathname === '/leads')
  assert.equal(new URL(page.url()).searchParams.get('township'), rows[best].township_code)
  await page.context().close()
})

test("township officer's home shows the counts of GET /stats/dashboard", async () => {
  const api = await apiSession(srv, 'township_officer')
  const page = await newPage(browser)
  await login(page, srv, 'township_officer')
  await page.locator('[data-home=township]').waitFor()
  await page.locator('[data-test=urgent-leads] .el-table__row').first().waitFor()
  const dash = (await api.get('/api/v1/stats/dashboard')).body
  for (const status of ['new', 'assigned', 'verifying', 'decided']) {
    assert.equal(await figure(page, `count-${status}`), dash.leads.by_status[status] ?? 0, status)
  }
  assert.equal(await figure(page, 'count-overdue'), dash.leads.overdue)
  assert.equal(await figure(page, 'count-due-today'), dash.leads.due_today)
  assert.equal(await figure(page, 'warnings-red'), dash.warnings.red)
  // The most urgent leads are the API's overdue leads, and link to their detail.
  const overdue = (await api.get('/api/v1/leads?overdue=true&page_size=5')).body
  const table = await page.locator('[data-test=urgent-leads]').innerText()
  for (const lead of overdue.items) assert.ok(table.includes(lead.lead_no), `${lead.lead_no} listed`)
  await shot(page, 'home-township')
  await page.locator('[data-test=urgent-leads] a').first().click()
  await page.waitForURL((url) => url.pathname === `/leads/${overdue.items[0].lead_no}`)
  await page.context().close()
})

test("village coordinator's home on a phone: tasks and visits", async () => {
  const api = await apiSession(srv, 'village_coordinator')
  // A routine visit without difficulty (it opens no lead), so the list has something to show.
  const household = (await api.get('/api/v1/households?page_size=1')).body.items[0]
  const visit = await api.post('/api/v1/visits', { household_no: household.household_no, met: '户主', notes: '例行走访，生活正常' })
  assert.equal(visit.status, 201, visit.text)
  const page = await newPage(browser, PHONE)
  await login(page, srv, 'village_coordinator')
  await page.locator('[data-home=coordinator]').waitFor()
  await page.locator('.fx-coord .el-card, .fx-coord .fx-card').first().waitFor()
  await page.waitForLoadState('networkidle')
  const dash = (await api.get('/api/v1/stats/dashboard')).body
  assert.equal(await figure(page, 'tasks-open'), dash.tasks.open)
  const visits = (await api.get('/api/v1/visits?mine=true&page_size=5')).body
  assert.equal(await page.locator('[data-test=visit-item]').count(), visits.items.length)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `no horizontal overflow on a phone (${overflow}px)`)
  await shot(page, 'home-coordinator')
  await page.context().close()
})

test('auditor searches the audit log and verifies the hash chain', async () => {
  const page = await newPage(browser)
  await login(page, srv, 'auditor')
  await page.goto(`${srv.base}/audit`)
  const rows = page.locator('[data-test=audit-table] .el-table__body-wrapper .el-table__row')
  await rows.first().waitFor()
  await field(page, 'f-actor').fill(srv.accounts.auditor.username)
  await page.click('[data-test=search]')
  await page.waitForFunction(
    (name) => [...document.querySelectorAll('[data-test=audit-table] .el-table__body-wrapper .el-table__row')]
      .every((row) => row.innerText.includes(name)),
    srv.accounts.auditor.username,
  )
  assert.ok((await rows.count()) > 0)
  await page.click('[data-test=verify]')
  const result = page.locator('[data-test=verify-result]')
  await result.waitFor()
  const text = await result.innerText()
  assert.match(text, /valid/)
  assert.match(text, /完整/)
  await shot(page, 'audit')
  await page.context().close()
})

test('the monthly report shows the townships and exports an .xlsx', async () => {
  const page = await newPage(browser)
  await login(page, srv, 'county_officer')
  await page.goto(`${srv.base}/reports`)
  const table = page.locator('[data-test=report-table]')
  await table.locator('.el-table__body-wrapper .el-table__row').first().waitFor()
  assert.ok((await table.locator('.el-table__body-wrapper .el-table__row').count()) > 5, 'a row per township')
  assert.match(await table.innerText(), /合计/)
  await shot(page, 'reports')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')])
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const bytes = readFileSync(await download.path())
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')
  await page.context().close()
})

// Walks one new lead of the township officer's township to an assisted 临时救助 application
// (through the API), and answers its number.
async function openApplication(api) {
  const leads = (await api.get('/api/v1/leads?status=new&page_size=500')).body.items
  assert.ok(leads.length, 'a new lead in the township')
  const lead = leads[leads.length - 1]
  const act = async (body) => {
    const reply = await api.post(`/api/v1/leads/${lead.lead_no}/actions`, body)
    assert.equal(reply.status, 200, reply.text)
    return reply.body
  }
  let current = await act({ action: 'assign', version: lead.version, assignee: srv.accounts.township_officer.username })
  current = await act({ action: 'start_verification', version: current.version })
  current = await act({ action: 'record_verification', version: current.version, method: 'home_visit', willingness: 'yes', ability: 'needs_help', difficulty_found: true })
  current = await act({ action: 'decide', version: current.version, outcomes: [{ outcome: 'assisted_application', params: { kind: 'temporary_emergency' } }] })
  const outcome = current.outcomes.find((o) => o.outcome === 'assisted_application')
  assert.ok(outcome?.reference, 'the decision opened an application')
  return outcome.reference
}

test('applications: list, eligibility check, decision with the server refusing then accepting, payment', async () => {
  const api = await apiSession(srv, 'township_officer')
  const number = await openApplication(api)
  const page = await newPage(browser)
  await login(page, srv, 'township_officer')
  await page.goto(`${srv.base}/applications`)
  const table = page.locator('[data-test=applications-table]')
  await table.getByText(number).waitFor()
  const listed = (await api.get('/api/v1/applications?page_size=20')).body
  assert.equal(await table.locator('.el-table__body-wrapper .el-table__row').count(), Math.min(20, listed.total))
  await shot(page, 'applications')

  await table.getByText(number).click()
  await page.waitForURL((url) => url.pathname === `/applications/${number}`)
  await page.click('[data-test=run-check]')
  const figures = page.locator('[data-test=figures]')
  await figures.waitFor()
  const app = (await api.get(`/api/v1/applications/${number}`)).body
  assert.ok(app.eligibility_check, 'the check is stored')
  assert.equal((await page.locator('[data-test=recommendation]').innerText()).trim(), app.eligibility_check.recommendation_label)
  const perCapita = app.eligibility_check.figures.income.per_capita_month.yuan
  assert.ok((await figures.innerText()).includes(perCapita), `per-capita income ${perCapita} shown`)

  // The decision: validation first, then the server's refusal (above the township's limit),
  // then an amount the township may approve.
  await page.click('[data-test=decide]')
  const dialog = page.locator('.el-dialog').filter({ has: page.locator('[data-test=decision-submit]') })
  await dialog.waitFor()
  await dialog.locator('[data-test=decision-submit]').click()
  await dialog.locator('.el-form-item__error', { hasText: '请选择审批结果' }).waitFor()
  await dialog.locator('.el-radio').first().click()
  await field(dialog, 'amount').fill('99999')
  await field(dialog, 'reason').fill('入户核实确有急难情况，需先行救助')
  await dialog.locator('[data-test=decision-submit]').click()
  const refusal = dialog.locator('[data-test=decision-error]')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /[\u4e00-\u9fa5]/)
  await field(dialog, 'amount').fill('800')
  await dialog.locator('[data-test=decision-submit]').click()
  await page.locator('[data-test=app-decision]').waitFor()
  assert.match(await page.locator('[data-test=app-decision]').innerText(), /批准/)
  const decided = (await api.get(`/api/v1/applications/${number}`)).body
  assert.equal(decided.decision, 'approved')
  assert.equal(decided.amount.yuan, '800.00')

  // A payment recorded through the UI shows in the list and in the API.
  await page.getByRole('tab', { name: '发放记录' }).click()
  await page.click('[data-test=add-payment]')
  await field(page, 'pay-amount').fill('800')
  await page.click('[data-test=payment-submit]')
  await page.locator('[data-test=payments] .el-table__row').filter({ hasText: '800.00' }).waitFor()
  const payments = (await api.get(`/api/v1/applications/${number}/payments`)).body
  assert.equal(payments.total, 1)
  await page.getByRole('tab', { name: '家庭经济状况核对' }).click()
  await figures.waitFor()
  await page.locator('.el-message').first().waitFor({ state: 'detached' }).catch(() => undefined)
  await shot(page, 'application-detail')
  await page.context().close()
})
