// Field work: campaigns (county creates one, coordinator sees its checklist on a phone), visits
// (a coordinator on a phone records a visit and opens a lead), the hotline (record, triage,
// callback), a department liaison answering a referral, and the county's 一事一议 approvals and
// coordination cases. Each test picks its own objects through the API (a township other tests
// leave alone where it can) and checks the result through the API too.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { server, launch, newPage, login, shot, apiSession, PHONE, DESKTOP } from './harness.mjs'

let srv
let browser
let county
let coordinator
const stamp = Date.now().toString(36)
const coordinatorVillage = '500241003005'

before(async () => {
  srv = await server()
  browser = await launch()
  county = await apiSession(srv, 'county_officer')
  coordinator = await apiSession(srv, 'village_coordinator')
})
after(async () => {
  await browser?.close()
  await srv?.stop()
})

// Chooses an option of an Element Plus select (its dropdown is teleported to the body).
async function choose(page, selectLocator, text, { type } = {}) {
  await selectLocator.click()
  if (type) await page.keyboard.type(type)
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
  await option.waitFor()
  await option.click()
}

// The text of the success message matching `pattern` (earlier messages may still show).
// Removes the transient messages so they do not cover the screenshot.
async function quiet(page) {
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()))
}

async function successMessage(page, pattern) {
  const message = page.locator('.el-message--success', { hasText: pattern }).last()
  await message.waitFor()
  return message.innerText()
}

test('county officer opens a campaign and sees its progress by village', async () => {
  const regions = (await county.get('/api/v1/regions')).body.items
  const townships = regions.flatMap((r) => (r.level === 'township' ? [r] : r.children))
  const own = townships.find((tw) => tw.code === '500241003').children.find((v) => v.code === coordinatorVillage)
  assert.ok(own, 'the coordinator village exists')

  const page = await newPage(browser, DESKTOP)
  await login(page, srv, 'county_officer')
  await page.goto(`${srv.base}/campaigns`)
  await page.locator('[data-test=campaign-table]').waitFor()
  await page.click('[data-test=campaign-new]')
  const form = page.locator('[data-test=campaign-form]')
  await form.waitFor()
  // Empty form: Chinese validation messages.
  await page.fill('[data-test=campaign-name]', '')
  await page.click('[data-test=campaign-submit]')
  await form.locator('.el-form-item__error', { hasText: '请至少选择一个村（社区）' }).waitFor()

  const name = `冬季寒潮集中排查-${stamp}`
  await page.fill('[data-test=campaign-name]', name)
  await choose(page, page.locator('[data-test=campaign-form] .el-select[data-test=campaign-event]'), '低温雨雪冰冻')
  await page.locator('[data-test=campaign-form] .el-select[data-test=campaign-villages]').click()
  await page.keyboard.type(own.name)
  const node = page.locator('.el-tree-node__content:visible', { hasText: own.name }).first()
  await node.waitFor()
  await node.locator('.el-checkbox').click()
  await page.locator('.el-dialog__title', { hasText: '开展集中排查' }).click() // close the dropdown
  await page.click('[data-test=campaign-submit]')
  assert.match(await successMessage(page, /已开展排查，生成走访任务 \d+ 个/), /已开展排查，生成走访任务 \d+ 个/)

  // The progress drawer opens on the new campaign with a bar for the village.
  const progress = page.locator('[data-test=campaign-progress]')
  await progress.locator('[data-test=village-progress]').first().waitFor()
  assert.ok((await progress.innerText()).includes(name))
  assert.ok((await progress.locator('[data-test=village-progress]').first().innerText()).includes(own.name))
  assert.equal(await progress.locator('[data-test=campaign-checklist] li').count(), 6)

  const list = (await county.get('/api/v1/campaigns?page_size=50')).body.items
  const created = list.find((c) => c.name === name)
  assert.ok(created, 'the campaign exists')
  assert.deepEqual(created.villages, [coordinatorVillage])
  assert.equal(created.event, 'cold_wave')
  const detail = (await county.get(`/api/v1/campaigns/${created.id}`)).body
  assert.ok(detail.progress.total.tasks > 0, 'visit tasks were created')
  assert.equal(await progress.locator('[data-test=campaign-target]').count(), Math.min(10, detail.targets.length))
  await quiet(page)
  await shot(page, 'campaigns')
  await page.context().close()
})

test('coordinator sees the campaign and its checklist on a phone', async () => {
  const page = await newPage(browser, PHONE)
  await login(page, srv, 'village_coordinator')
  await page.goto(`${srv.base}/campaigns`)
  await page.locator('[data-test=campaign-card]').first().waitFor()
  assert.ok((await page.locator('[data-test=campaign-card]').first().innerText()).includes(`冬季寒潮集中排查-${stamp}`))
  const checklist = page.locator('[data-test=campaign-checklist] li')
  await checklist.first().waitFor()
  assert.equal(await checklist.count(), 6)
  assert.ok(!(await page.locator('[data-test=campaign-new]').count()), 'a coordinator cannot open campaigns')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `no horizontal overflow on a phone (${width})`)
  await shot(page, 'campaign-phone')
  await page.context().close()
})

test('coordinator on a phone records a visit and opens a lead', async () => {
  const tasks = (await coordinator.get('/api/v1/tasks?status=open&page_size=10')).body.items
  assert.ok(tasks.length > 0, 'the campaign gave the coordinator tasks')
  const households = (await coordinator.get(`/api/v1/households?village=${coordinatorVillage}&page_size=200`)).body.items
  const taskHouseholds = new Set(tasks.map((t) => t.household_no))
  const free = households.find((h) => !h.lead_no && !h.warning_level && !taskHouseholds.has(h.household_no))
  assert.ok(free, 'a household without an open lead')

  const page = await newPage(browser, PHONE)
  await login(page, srv, 'village_coordinator')
  await page.goto(`${srv.base}/visits`)
  const firstTask = page.locator('[data-test=task]').first()
  await firstTask.waitFor()
  const card = firstTask.locator('[data-test=household-card]')
  await card.locator('.fx-hh-name').waitFor()
  assert.match(await card.innerText(), /\d{3}\*{4}\d{4}/, 'the phone number is masked')
  await shot(page, 'visits-phone')

  // Visit of the first task: the campaign's checklist.
  const taskText = await firstTask.innerText()
  const task = tasks.find((t) => taskText.includes(t.household_no))
  assert.ok(task, 'the task on the page is one of the API')
  const before = (await coordinator.get(`/api/v1/visits?household_no=${task.household_no}`)).body.total
  await firstTask.locator('[data-test=task-visit]').click()
  const form = page.locator('[data-test=visit-form]')
  await form.waitFor()
  await page.click('[data-test=visit-submit]')
  await form.locator('.el-form-item__error', { hasText: '请回答全部清单问题' }).waitFor()
  const items = form.locator('.fx-check-item')
  assert.equal(await items.count(), 6, 'the campaign checklist has six questions')
  assert.ok((await form.innerText()).includes('房屋是否受损'), 'campaign checklist, not the routine one')
  for (let i = 0; i < 6; i += 1) await items.nth(i).locator('.el-radio-button', { hasText: '不适用' }).click()
  await form.locator('textarea').first().fill(`e2e 走访记录 ${stamp}`)
  await page.click('[data-test=visit-submit]')
  assert.match(await successMessage(page, /走访已登记/), /走访已登记/)
  const visits = (await coordinator.get(`/api/v1/visits?household_no=${task.household_no}`)).body
  assert.equal(visits.total, before + 1)
  assert.equal(visits.items[0].task_id, task.id)
  assert.ok(visits.items[0].campaign_id, 'the visit counts for the campaign')
  const openTasks = (await coordinator.get('/api/v1/tasks?status=open&page_size=100')).body.items
  assert.ok(!openTasks.some((t) => t.id === task.id), 'the task is done')
  await page.locator('[data-test=recent-visits]', { hasText: `e2e 走访记录 ${stamp}` }).waitFor()

  // "发现困难，登记线索" for another household of the village.
  await page.click('[data-test=lead-new]')
  const leadForm = page.locator('[data-test=lead-form]')
  await leadForm.waitFor()
  await page.click('[data-test=lead-submit]')
  await leadForm.locator('.el-form-item__error', { hasText: '请填写困难情况' }).waitFor()
  await choose(page, leadForm.locator('[data-test=household-picker]'), free.household_no, { type: free.head_name })
  await leadForm.locator('[data-test=household-card] .fx-hh-name').waitFor()
  await page.fill('[data-test=lead-description]', `走访发现户主突发重病住院，家中无人照料 ${stamp}`)
  await leadForm.locator('.el-radio', { hasText: '橙色' }).click()
  await page.click('[data-test=lead-submit]')
  const message = await successMessage(page, /线索 \S+ 已登记/)
  const leadNo = /线索 (\S+) 已登记/.exec(message)?.[1]
  assert.ok(leadNo, `lead number in "${message}"`)
  const lead = (await county.get(`/api/v1/leads/${leadNo}`)).body
  assert.equal(lead.household_no, free.household_no)
  assert.deepEqual(lead.sources, ['visit'])
  assert.equal(lead.level, 'orange')
  assert.equal(lead.status, 'new')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `no horizontal overflow on a phone (${width})`)
  await page.context().close()
})

test('hotline operator records a call, judges it, routes it and records the callback', async () => {
  const hotline = await apiSession(srv, 'hotline_operator')
  const content = `来电反映邻居独居老人摔伤卧床，无人照料，请求帮助（${stamp}）`
  const page = await newPage(browser, DESKTOP)
  await login(page, srv, 'hotline_operator')
  await page.goto(`${srv.base}/hotline`)
  await page.locator('[data-test=ticket-table] .el-table__row').first().waitFor()

  await page.click('[data-test=hotline-submit]')
  await page.locator('[data-test=hotline-form] .el-form-item__error', { hasText: '请填写来电内容' }).waitFor()
  await page.fill('[data-test=hotline-caller]', '李四')
  await page.fill('[data-test=hotline-caller-phone]', '1390000')
  await page.fill('[data-test=hotline-content]', content)
  await page.click('[data-test=hotline-submit]')
  await page.locator('[data-test=hotline-form] .el-form-item__error', { hasText: '请输入正确的手机号码' }).waitFor()
  await page.fill('[data-test=hotline-caller-phone]', '13900002222')
  await page.fill('[data-test=hotline-subject]', '王五')
  await choose(page, page.locator('[data-test=hotline-category]'), '养老')
  await page.click('[data-test=hotline-submit]')
  const ticketNo = /已登记工单 (\S+)/.exec(await successMessage(page, /已登记工单/))?.[1]
  assert.ok(ticketNo)
  let ticket = (await hotline.get('/api/v1/hotline/tickets?mine=true&page_size=100')).body.items.find((x) => x.ticket_no === ticketNo)
  assert.equal(ticket.status, 'received')
  assert.equal(ticket.content, content)
  assert.equal(ticket.caller_masked_phone, '139****2222')

  await page.locator('[data-test=ticket-mine]').click()
  const row = page.locator('[data-test=ticket-table] .el-table__row', { hasText: stamp })
  await row.waitFor()
  assert.ok((await row.innerText()).includes('待研判'))
  await row.locator('[data-test=ticket-triage]').click()
  const triage = page.locator('[data-test=triage-form]')
  await triage.waitFor()
  await page.click('[data-test=triage-submit]')
  await triage.locator('.el-form-item__error', { hasText: '请选择合理性' }).waitFor()
  await triage.locator('.el-radio', { hasText: '部分合理' }).click()
  await page.fill('[data-test=triage-reason]', '经核对来电属实，老人独居需上门核实')
  await choose(page, triage.locator('[data-test=triage-township]'), '溶溪镇')
  await page.click('[data-test=triage-submit]')
  assert.match(await successMessage(page, /已研判并转办至溶溪镇/), /已研判并转办至溶溪镇/)
  ticket = (await hotline.get('/api/v1/hotline/tickets?mine=true&page_size=100')).body.items.find((x) => x.ticket_no === ticketNo)
  assert.equal(ticket.status, 'routed')
  assert.equal(ticket.reasonableness, 'partly_reasonable')
  assert.equal(ticket.township, '500241104')
  assert.equal(ticket.category, 'elderly')
  assert.ok(ticket.callback_due)
  await row.locator('[data-test=ticket-status]', { hasText: '已转办' }).waitFor()

  await row.locator('[data-test=ticket-callback]').click()
  await page.locator('[data-test=callback-form]').waitFor()
  await page.fill('[data-test=callback-result]', '已告知来电人乡镇将于三日内入户核实')
  await page.click('[data-test=callback-submit]')
  assert.match(await successMessage(page, /回访已登记/), /回访已登记/)
  ticket = (await hotline.get('/api/v1/hotline/tickets?mine=true&page_size=100')).body.items.find((x) => x.ticket_no === ticketNo)
  assert.equal(ticket.status, 'called_back')
  await row.locator('[data-test=ticket-status]', { hasText: '已回访' }).waitFor()
  await page.locator('[data-test=ticket-mine]').click()
  await page.locator('[data-test=ticket-table] .el-table__row').nth(1).waitFor()
  await quiet(page)
  await shot(page, 'hotline')
  await page.context().close()
})

test('department liaison answers a referral from its inbox', async () => {
  const liaison = await apiSession(srv, 'department_liaison')
  const inbox = (await liaison.get('/api/v1/referrals?status=pending&page_size=20')).body.items
  assert.ok(inbox.length > 0, 'the liaison has pending referrals')
  const chosen = inbox[inbox.length - 1]

  const page = await newPage(browser, DESKTOP)
  await login(page, srv, 'department_liaison')
  await page.goto(`${srv.base}/referrals`)
  const row = page.locator('[data-test=referral-table] .el-table__row', { hasText: chosen.referral_no })
  await row.waitFor()
  await row.locator('[data-test=referral-open]').click()
  const detail = page.locator('[data-test=referral-detail]')
  await detail.locator('[data-test=referral-members]').waitFor()
  const members = await detail.locator('[data-test=referral-members]').innerText()
  assert.match(members, /\d{6}\*{8}\d{4}/, 'IDs are masked')
  assert.ok(!/\d{17}[\dX]/.test(members), 'no full ID shown')

  await page.fill('[data-test=referral-amount]', '12.345')
  await page.click('[data-test=referral-submit]')
  await detail.locator('.el-form-item__error', { hasText: '请选择答复' }).waitFor()
  await detail.locator('.el-form-item__error', { hasText: '金额最多两位小数' }).waitFor()
  await detail.locator('[data-test=referral-answer] .el-radio', { hasText: '已受理' }).click()
  await page.fill('[data-test=referral-result]', '已核定医疗救助 12,300 元，纳入二次报销')
  await page.fill('[data-test=referral-amount]', '12300')
  await page.click('[data-test=referral-submit]')
  assert.match(await successMessage(page, new RegExp(`已答复转介 ${chosen.referral_no}`)), new RegExp(`已答复转介 ${chosen.referral_no}`))
  await detail.locator('[data-test=referral-status]', { hasText: '已受理' }).waitFor()
  const answered = (await liaison.get(`/api/v1/referrals/${chosen.referral_no}`)).body
  assert.equal(answered.status, 'accepted')
  assert.equal(answered.result, '已核定医疗救助 12,300 元，纳入二次报销')
  assert.equal(answered.amount?.yuan ?? answered.amount, '12300.00')
  await quiet(page)
  await shot(page, 'referrals')
  await page.context().close()
})

// Two 一事一议 requests and a coordination case, from leads of a township other tests leave
// alone (its own township officer, created here, is the assignee).
async function caseworkData() {
  const admin = await apiSession(srv, 'county_admin')
  const township = '500241104'
  const officer = `field_e2e_${stamp}`
  const made = await admin.post('/api/v1/users', { username: officer, role: 'township_officer', region: township, display_name: '溶溪镇民政办（测试）' })
  assert.equal(made.status, 201, made.text)
  const leads = (await county.get(`/api/v1/leads?status=new&township=${township}&page_size=50`)).body.items
    .filter((l) => l.household_no)
  assert.ok(leads.length >= 3, 'three new leads in the township')
  const walk = async (lead, outcomes) => {
    let version = lead.version
    for (const body of [
      { action: 'assign', assignee: officer },
      { action: 'start_verification' },
      { action: 'record_verification', method: 'home_visit', willingness: 'yes', ability: 'needs_help', difficulty_found: true, notes: '入户核实' },
      { action: 'decide', outcomes, reason: '核实后研究决定' },
    ]) {
      const reply = await county.post(`/api/v1/leads/${lead.lead_no}/actions`, { ...body, version })
      assert.equal(reply.status, 200, `${body.action}: ${reply.text}`)
      version = reply.body.version
    }
  }
  const picked = leads.slice(-3)
  await walk(picked[0], [{ outcome: 'case_by_case', params: { amount: '8000', reasons: '重病住院自付费用超出乡镇审批权限' } }])
  await walk(picked[1], [{ outcome: 'case_by_case', params: { amount: '6500.50', reasons: '房屋火灾损毁，基本生活无着' } }])
  await walk(picked[2], [{ outcome: 'coordination', params: {
    reason: '因病因残多重困难，需多部门联合帮扶', meeting_on: '2026-12-20', measures: '医疗救助与公益岗位安置同步推进',
    departments: [{ department: '医保局', task: '核定医疗救助' }, { department: '人社局', task: '安排公益性岗位' }],
  } }])
  return { households: picked.map((l) => l.household_no) }
}

test('county officer approves a 一事一议 request and works a coordination case', async () => {
  const { households } = await caseworkData()
  const page = await newPage(browser, DESKTOP)
  await login(page, srv, 'county_officer')
  await page.goto(`${srv.base}/coordination`)
  const table = page.locator('[data-test=case-by-case-table]')
  const requestRow = table.locator('.el-table__row', { hasText: households[0] })
  await requestRow.waitFor()
  await table.locator('.el-table__row', { hasText: households[1] }).waitFor()
  assert.ok((await requestRow.innerText()).includes('8000.00'))
  await shot(page, 'coordination')

  // Rejecting one: the county turns the 一事一议 request down (the application stays open for
  // the township to decide within its own limit).
  await requestRow.locator('[data-test=cbc-reject]').click()
  const form = page.locator('[data-test=cbc-form]')
  await form.waitFor()
  await page.click('[data-test=cbc-submit]')
  await form.locator('.el-form-item__error', { hasText: '请填写审批理由' }).waitFor()
  await page.fill('[data-test=cbc-reason]', '经县级审核，已纳入医疗救助，不再给予一事一议临时救助')
  await page.click('[data-test=cbc-submit]')
  assert.match(await successMessage(page, /已审批/), /已审批/)
  await requestRow.waitFor({ state: 'detached' })
  const requestState = async (household) => {
    const app = (await county.get(`/api/v1/applications?page_size=200`)).body.items.find((a) => a.household_no === household)
    assert.ok(app, `no application of ${household}`)
    const detail = (await county.get(`/api/v1/applications/${app.application_no}`)).body
    return { detail, request: detail.aid_requests.find((r) => r.track === 'case_by_case') }
  }
  const rejected = await requestState(households[0])
  assert.equal(rejected.request?.status, 'rejected', JSON.stringify(rejected.detail.aid_requests))

  // Approving the other above the township's limit: the application is approved with the
  // amount and the payment recorded.
  const approveRow = table.locator('.el-table__row', { hasText: households[1] })
  await approveRow.locator('[data-test=cbc-approve]').click()
  await form.waitFor()
  await page.fill('[data-test=cbc-reason]', '县级一事一议同意')
  await page.click('[data-test=cbc-submit]')
  assert.match(await successMessage(page, /已审批/), /已审批/)
  await approveRow.waitFor({ state: 'detached' })
  const approved = await requestState(households[1])
  assert.equal(approved.request?.status, 'approved', JSON.stringify(approved.detail.aid_requests))
  assert.equal(approved.detail.decision, 'approved')
  const payments = (await county.get(`/api/v1/applications/${approved.detail.application_no}/payments`)).body.items
  assert.equal(payments.length, 1)
  assert.equal(payments[0].amount.yuan, '6500.50')

  // The coordination case: a department's result, then closing it.
  await page.locator('.el-tabs__item', { hasText: '县级协调案件' }).click()
  const caseRow = page.locator('[data-test=case-table] .el-table__row', { hasText: '因病因残多重困难' }).first()
  await caseRow.waitFor()
  await caseRow.click()
  const detail = page.locator('[data-test=case-detail]')
  await detail.locator('[data-test=case-task]').first().waitFor()
  assert.equal(await detail.locator('[data-test=case-task]').count(), 2)
  await detail.locator('[data-test=case-task]', { hasText: '人社局' }).locator('[data-test=task-answer]').click()
  await page.fill('[data-test=task-result]', '已安排村级保洁公益性岗位，月补贴 800 元')
  await page.click('[data-test=task-answer-submit]')
  assert.match(await successMessage(page, /已登记部门任务结果/), /已登记部门任务结果/)
  await detail.locator('[data-test=case-task]', { hasText: '人社局' }).locator('.el-tag', { hasText: '已完成' }).waitFor()
  const cases = (await county.get('/api/v1/coordination-cases?status=open&page_size=50')).body.items
  const theCase = cases.find((c) => c.reason === '因病因残多重困难，需多部门联合帮扶')
  assert.ok(theCase.tasks.find((x) => x.department_name === '人社局').done)
  assert.ok(!theCase.tasks.find((x) => x.department_name === '医保局').done)
  await page.context().close()
})
