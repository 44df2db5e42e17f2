// A referral as GET /api/v1/referrals and /api/v1/referrals/{no} answer it.
export interface Referral {
  referral_no: string
  department: string
  department_name: string
  household_no: string | null
  lead_no?: string | null
  township: string
  village: string | null
  reason: string
  sent_on: string
  due_on: string | null
  overdue: boolean
  status: 'pending' | 'accepted' | 'not_applicable'
  status_label: string
  result: string
  amount: { fen: number; yuan: string } | string | number | null
  answered_on: string | null
  answered_by?: string
  escalated_on?: string | null
  version: number
}

export interface ReferralDetail extends Referral {
  summary: {
    address: string
    as_of: string
    household_no: string | null
    township_name: string
    village_name: string
    subject_name: string
    subject_masked_phone: string
    members: { name: string; relation: string; sex: string; age: number | null; masked_id: string; masked_phone: string }[]
  } | null
}

export function amountText(a: Referral['amount']): string {
  if (a === null || a === undefined || a === '') return '—'
  if (typeof a === 'object') return a.yuan
  return String(a)
}
