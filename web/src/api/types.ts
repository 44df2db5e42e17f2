// Shapes of the API's answers the app relies on (the OpenAPI document at /api/v1/openapi.json
// is the reference).

export type Role =
  | 'county_admin'
  | 'county_officer'
  | 'township_officer'
  | 'village_coordinator'
  | 'hotline_operator'
  | 'department_liaison'
  | 'auditor'

export interface Me {
  username: string
  display_name: string
  role: Role
  region: string
  region_name?: string
  department: string
  must_change_password: boolean
  csrf_token?: string
}

export interface LoginReply {
  user: string
  role: Role
  region: string
  department: string
  display_name: string
  must_change_password: boolean
  csrf_token: string
}

export type Level = 'red' | 'orange' | 'yellow'

export interface LeadItem {
  lead_no: string
  household_no: string | null
  sources: string[]
  level: Level | null
  status: string
  township: string
  village: string
  created: string
  first_contact_due: string | null
  verification_due: string | null
  assignee: string | null
  version: number
  subject: { name?: string; phone?: string; address?: string } | null
}
