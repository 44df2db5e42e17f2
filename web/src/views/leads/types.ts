// Shapes of the lead, warning and household answers used by the leads and household pages
// (the OpenAPI document at /api/v1/openapi.json is the reference).
import type { LeadItem, Level } from '@/api/types'

export type LeadRow = Omit<LeadItem, 'subject'> & { subject: string | null }

export interface LeadHistoryEntry {
  action: string
  actor: string
  actor_role: string | null
  at: number
  detail: Record<string, unknown> | null
  from: string | null
  to: string | null
  on: string
  reason: string | null
}

export interface VerificationEntry {
  visited_on: string
  method: string
  met: string
  conditions: Partial<Record<'food' | 'housing' | 'medical' | 'schooling' | 'care', string>>
  willingness: string
  ability: string
  policy_explained: boolean
  policies: string[]
  difficulty_found: boolean
  notes: string
  recorded_by: string
  at: number
}

export interface OutcomeEntry {
  outcome: string
  params: Record<string, unknown>
  state: string
  reference: string | null
  decided_on: string | null
  done_on: string | null
}

export interface SourceEntry {
  source: string
  reference: string | null
  level: Level | null
  description: string | null
  reported_on: string
  actor: string
}

export interface LeadDetail extends Omit<LeadRow, 'subject'> {
  allowed_actions: string[]
  description: string | null
  subject: { name?: string; phone?: string; address?: string } | null
  source_entries: SourceEntry[]
  outcomes: OutcomeEntry[]
  history: LeadHistoryEntry[]
  verifications: VerificationEntry[]
  candidates: Record<string, unknown>[]
  first_contact_on: string | null
  verified_on: string | null
  decided_on: string | null
  closed_on: string | null
  follow_up_on: string | null
  merged: boolean
}

export interface FiredRule {
  rule: string
  name: string
  points: number
  reason?: string
  red: boolean
}

export interface Warning {
  id: number
  household_no: string
  kind: 'need' | 'review'
  level: Level | null
  score: number
  status: 'open' | 'cleared' | 'suppressed'
  rules: string[]
  fired_rules: FiredRule[]
  reasons: string[]
  actions?: string[]
  departments?: string[]
  first_detected: string
  last_changed?: string
  as_of?: string
  township: string
  village: string
  lead_no: string | null
}

export interface Member {
  person_id: number
  name: string
  sex: 'male' | 'female'
  age: number | null
  birth_date: string
  death_date: string | null
  relation: string | null
  relation_label: string | null
  resident_id: string
  phone: string
  categories: string[]
  health?: string | null
  health_label?: string | null
  disability_category_label?: string | null
  disability_grade?: number | null
  employment?: string | null
  self_care?: string | null
  income_12m_fen?: number
}

export interface HouseholdLead {
  lead_no: string
  level: Level | null
  status: string
  created_on: string
  first_contact_due: string | null
  verification_due: string | null
  closed_on: string | null
}

export interface Household {
  household_no: string
  address: string
  size: number
  case_details: boolean
  categories: string[]
  township: { code: string; name: string }
  village: { code: string; name: string }
  members: Member[]
  warnings: Warning[]
  leads: HouseholdLead[]
  applications: Record<string, unknown>[]
}

export interface HouseholdRow {
  household_no: string
  address: string
  categories: string[]
  head_name: string | null
  lead_no: string | null
  review_warning: boolean
  size: number
  township: string
  village: string
  warning_level: Level | null
}

export interface TimelineItem {
  date: string
  kind: string
  title: string
  detail: string
}

export const LEAD_STATUSES = ['new', 'assigned', 'verifying', 'decided', 'closed'] as const
export const LEVELS = ['red', 'orange', 'yellow'] as const
export const SOURCES = [
  'data_warning', 'visit', 'campaign', 'hotline', 'social_report', 'referral', 'self_report', 'superior',
] as const
export const OUTCOMES = [
  'no_need', 'declined', 'assisted_application', 'application', 'emergency_aid', 'case_by_case',
  'referral', 'coordination', 'duplicate',
] as const
export const APPLICATION_KINDS = [
  'dibao', 'tekun', 'dibao_edge', 'temporary_emergency', 'temporary_expenditure', 'medical', 'education',
  'housing', 'employment', 'other',
] as const
export const DEPARTMENTS = ['人社局', '医保局', '残联', '教育局', '住建局', '乡村振兴局', '应急管理局', '卫健委'] as const

// The deadline that matters now: first contact until it happened, then verification.
export function currentDue(lead: { status: string; first_contact_due: string | null; verification_due: string | null }) {
  if (lead.status === 'decided' || lead.status === 'closed') return null
  if (lead.status === 'new' || lead.status === 'assigned') return { kind: 'first_contact', due: lead.first_contact_due }
  return { kind: 'verification', due: lead.verification_due }
}

// Runs one lead action; resolves to the error to show in the dialog, or null when it is done.
export type Submit = (body: Record<string, unknown>) => Promise<string | null>

// Today in the browser's own time zone (the office's), as YYYY-MM-DD.
export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
