// Case-by-case requests (applications with a 一事一议 aid request) and coordination cases.
export type Money = { fen: number; yuan: string } | null

export interface ApplicationItem {
  application_no: string
  household_no: string
  kind: string
  kind_label: string
  status: string
  status_label: string
  submitted_on: string
  township: string
  village: string
  version: number
}

export interface ApplicationDetail extends ApplicationItem {
  description: string
  aid_requests: { amount: Money; decision_due: string | null; status: string; track: string }[]
}

export interface CaseByCase {
  app: ApplicationDetail
  amount: Money
  decision_due: string | null
}

export interface CoordinationTask {
  id: number
  department: string
  department_name: string
  task: string
  due_on: string | null
  overdue: boolean
  done: boolean
  result: string
  amount: Money
  answered_on: string | null
  answered_by: string
  version: number
}

export interface CoordinationCase {
  case_no: string
  township: string
  status: 'open' | 'closed'
  status_label: string
  reason: string
  meeting_on: string | null
  measures: string
  opened_on: string
  opened_by: string
  closed_on: string | null
  closed_by: string
  conclusion: string
  tasks: CoordinationTask[]
  version: number
}
