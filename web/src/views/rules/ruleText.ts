// Reading the rule-set TOML for display (thresholds per rule) and a line diff of two versions.

export type Scalar = string | number | boolean

// `[rules.R03]` → { window_days: 365, min_amount: 10000, … } — the scalar keys of each rule
// section (arrays and the fixed keys are left out).
export function ruleThresholds(toml: string): Record<string, Record<string, Scalar>> {
  const out: Record<string, Record<string, Scalar>> = {}
  let current: Record<string, Scalar> | null = null
  const fixed = new Set(['name', 'enabled', 'points', 'floor', 'actions', 'departments'])
  for (const raw of toml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim()
    if (!line || line.startsWith('#')) continue
    const section = /^\[([^\]]+)\]$/.exec(line)
    if (section) {
      const name = section[1]!.trim()
      current = name.startsWith('rules.') ? (out[name.slice(6)] = {}) : null
      continue
    }
    const pair = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(line)
    if (!current || !pair || fixed.has(pair[1]!)) continue
    const value = pair[2]!.trim()
    if (value.startsWith('[')) continue
    if (value === 'true' || value === 'false') current[pair[1]!] = value === 'true'
    else if (/^-?\d+(\.\d+)?$/.test(value)) current[pair[1]!] = Number(value)
    else current[pair[1]!] = value.replace(/^"(.*)"$/, '$1')
  }
  return out
}

// The other sections (serious_illness, suppression, …) as `key = value` lines.
export function otherSections(toml: string): { section: string; lines: string[] }[] {
  const out: { section: string; lines: string[] }[] = []
  let current: { section: string; lines: string[] } | null = null
  for (const raw of toml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim()
    if (!line || line.startsWith('#')) continue
    const section = /^\[([^\]]+)\]$/.exec(line)
    if (section) {
      const name = section[1]!.trim()
      current = name.startsWith('rules.') || name === 'levels' ? null : { section: name, lines: [] }
      if (current) out.push(current)
      continue
    }
    current?.lines.push(line)
  }
  return out
}

export interface DiffLine {
  kind: 'same' | 'add' | 'del'
  text: string
  oldNo?: number
  newNo?: number
}

// Longest-common-subsequence line diff (rule files are a few hundred lines).
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n')
  const b = after.split('\n')
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]!, oldNo: i + 1, newNo: j + 1 })
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: 'del', text: a[i]!, oldNo: i + 1 })
      i++
    } else {
      out.push({ kind: 'add', text: b[j]!, newNo: j + 1 })
      j++
    }
  }
  while (i < n) out.push({ kind: 'del', text: a[i]!, oldNo: ++i })
  while (j < m) out.push({ kind: 'add', text: b[j]!, newNo: ++j })
  return out
}

// Only the changed lines with `context` unchanged lines around them; null marks a gap.
export function hunks(diff: DiffLine[], context = 2): (DiffLine | null)[] {
  const keep = new Array<boolean>(diff.length).fill(false)
  diff.forEach((line, index) => {
    if (line.kind === 'same') return
    for (let k = Math.max(0, index - context); k <= Math.min(diff.length - 1, index + context); k++) keep[k] = true
  })
  const out: (DiffLine | null)[] = []
  diff.forEach((line, index) => {
    if (keep[index]) out.push(line)
    else if (out.length && out[out.length - 1] !== null) out.push(null)
  })
  if (out.length && out[out.length - 1] === null) out.pop()
  return out
}

// Sets `key = value` inside `[section]` of the TOML text, keeping the line's comment.
export function setTomlValue(toml: string, section: string, key: string, value: Scalar): string {
  const lines = toml.split('\n')
  let inSection = false
  const literal = typeof value === 'string' ? JSON.stringify(value) : String(value)
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(lines[i]!)
    if (header) {
      if (inSection) break
      inSection = header[1]!.trim() === section
      continue
    }
    if (!inSection) continue
    const pair = /^(\s*)([A-Za-z0-9_]+)(\s*=\s*)([^#]*?)(\s*#.*)?$/.exec(lines[i]!)
    if (pair && pair[2] === key) {
      lines[i] = `${pair[1]}${key}${pair[3]}${literal}${pair[5] ?? ''}`
      return lines.join('\n')
    }
  }
  return toml
}

export function levelCutoffs(toml: string): Record<string, number> {
  const out: Record<string, number> = {}
  let inLevels = false
  for (const raw of toml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim()
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) {
      inLevels = header[1] === 'levels'
      continue
    }
    const pair = /^([a-z_]+)\s*=\s*(\d+)$/.exec(line)
    if (inLevels && pair) out[pair[1]!] = Number(pair[2])
  }
  return out
}

// Each rule's enabled/points/floor as written in the TOML (the editable copy).
export function ruleBasics(toml: string): Record<string, { enabled?: boolean; points?: number; floor?: string }> {
  const out: Record<string, { enabled?: boolean; points?: number; floor?: string }> = {}
  let current: { enabled?: boolean; points?: number; floor?: string } | null = null
  for (const raw of toml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim()
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) {
      current = header[1]!.startsWith('rules.') ? (out[header[1]!.slice(6)] = {}) : null
      continue
    }
    const pair = /^(enabled|points|floor)\s*=\s*(.+)$/.exec(line)
    if (!current || !pair) continue
    if (pair[1] === 'enabled') current.enabled = pair[2] === 'true'
    else if (pair[1] === 'points') current.points = Number(pair[2])
    else current.floor = pair[2]!.replace(/^"(.*)"$/, '$1')
  }
  return out
}
