// Shapes of the applications API (GET /applications, /applications/{no}, …/payments).
export interface Money { fen: number; yuan: string }
export interface SourceRecord {
  record_id: number
  person_id: number
  date: string
  feed?: string
  amount_fen?: number
  value_fen?: number
  type?: string
  fails?: boolean
}
export interface ProgrammeFinding { programme: string; recommendation: string; recommendation_label: string; reasons: string[] }
export interface Figures {
  area: string
  as_of: string
  household_no: string
  household_size: number
  categories_held: string[]
  income: { from: string; to: string; total: Money; per_capita_month: Money; records: SourceRecord[]; excluded_types: string[] }
  standard: { dibao: Money; edge_line: Money; edge_multiple_bp: number; below_standard: boolean; below_edge: boolean }
  rigid: {
    total: Money; medical_selfpay: Money; education_net: Money; share_bp: number; over_share: boolean
    disposable_ref: Money; disposable_year: number; below_disposable: boolean
    medical_records: SourceRecord[]; education_records: SourceRecord[]
  }
  assets: {
    deposits: Money; deposit_limit: Money; deposit_months: number; dwellings: number; excluded: boolean
    vehicle_exempt_value: Money; serious_illness: boolean; illness_exemption_possible: boolean
    records: SourceRecord[]; illness_records: SourceRecord[]
  }
  members: { person_id: number; age: number; working_age: boolean; severe: boolean; disability_grade: number | null }[]
  tekun: { working_age_members: number; supporter_candidates: unknown[]; tekun_standard: Money }
  programmes: ProgrammeFinding[]
}
export interface EligibilityCheck {
  id: number
  as_of: string
  computed_by: string
  programme: string
  recommendation: string
  recommendation_label: string
  rule_set_version: number
  standards_version: number
  figures?: Figures
  persons?: Record<string, { name: string; masked_id: string }>
}
export interface HistoryEntry { action: string; actor: string; actor_role: string | null; from_status: string | null; to_status: string; on: string; reason: string }
export interface ApplicationItem {
  application_no: string
  kind: string
  kind_label: string
  status: string
  status_label: string
  household_no: string
  township: string
  village: string
  submitted_on: string
  process_due: string | null
  overdue: boolean
  assisted: boolean
  fast_track: boolean
  recommendation: string | null
  decision: string | null
  decided_on: string | null
  version: number
}
export interface Application extends ApplicationItem {
  description: string
  decision_reason: string
  against_recommendation: boolean
  amount: Money | null
  start_on: string | null
  notice_from: string | null
  notice_until: string | null
  special_reason: string
  ended_on: string | null
  end_reason: string
  eligibility_check: EligibilityCheck | null
  history: HistoryEntry[]
  applicant: unknown
  aid_requests: unknown[]
}
export interface Payment {
  id: number
  amount: Money
  method: string
  source: string
  paid_on: string
  period_from: string
  period_to: string
  note: string
  recorded_by: string
}

export const KINDS = ['dibao', 'tekun', 'dibao_edge', 'temporary_emergency', 'temporary_expenditure', 'medical', 'education', 'housing', 'employment', 'other']
export const STATUSES = ['submitted', 'investigating', 'economic_check', 'public_notice', 'decided', 'in_payment', 'ended']
export const isTemporary = (kind: string) => kind === 'temporary_emergency' || kind === 'temporary_expenditure'

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger'
export function statusType(status: string): TagType {
  return ({ submitted: 'warning', investigating: 'primary', economic_check: 'primary', public_notice: 'primary', decided: 'success', in_payment: 'success', ended: 'info' } as Record<string, TagType>)[status] ?? 'info'
}
export function recommendationType(r: string | null): TagType {
  return r === 'eligible' ? 'success' : r === 'not_eligible' ? 'danger' : 'warning'
}
