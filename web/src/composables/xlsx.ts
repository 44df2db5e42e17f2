// .xlsx exports made in the browser (write-excel-file). Every export carries a watermark row
// naming the user and the time (50-api-security.md "Exports carry a watermark row").
import writeXlsxFile from 'write-excel-file/browser'
import { useSession } from '@/stores/session'

export type CellValue = string | number | null | undefined

export interface ExportSheet {
  name: string // at most 31 characters
  header: string[]
  rows: CellValue[][]
}

function watermark(): string {
  const session = useSession()
  const who = session.me ? `${session.me.display_name || session.me.username}（${session.me.username}）` : '未登录'
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  const at = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`
  return `导出人：${who}  导出时间：${at}  内含个人信息，仅限工作使用，不得外传`
}

function cell(value: CellValue) {
  if (value === null || value === undefined || value === '') return null
  return typeof value === 'number' ? { value, type: Number } : { value: String(value), type: String }
}

export async function exportXlsx(fileName: string, sheets: ExportSheet[]): Promise<void> {
  const mark = watermark()
  const book = sheets.map((sheet) => ({
    sheet: sheet.name.slice(0, 31),
    data: [
      [{ value: mark, type: String, fontWeight: 'bold' as const, textColor: '#c0392b', columnSpan: Math.max(1, sheet.header.length) }],
      sheet.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const, backgroundColor: '#e8eef6' })),
      ...sheet.rows.map((row) => row.map(cell)),
    ],
    columns: sheet.header.map((h) => ({ width: Math.min(40, Math.max(10, h.length * 2 + 4)) })),
  }))
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const blob = await writeXlsxFile(book as any).toBlob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
