// ECharts for the supervision board: only the modules used are registered, and the options
// are built here from GET /stats/supervision so the view stays a layout.
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent, DataZoomComponent } from 'echarts/components'
import type { Supervision } from './types'

use([CanvasRenderer, BarChart, LineChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DataZoomComponent])

export const LEVEL_COLORS: Record<string, string> = { red: '#c0392b', orange: '#e67e22', yellow: '#d4a017' }
const PRIMARY = '#1f5fa8'
type T = (key: string, named?: Record<string, unknown>) => string
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Option = Record<string, any>

const short = (name: string) => name.replace(/(街道|镇|乡)$/, '')
const axisLabel = { interval: 0, rotate: 40, fontSize: 11 }

export function levelPie(s: Supervision, t: T): Option {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
      label: { formatter: '{b}\n{c}' },
      data: s.volume.warnings_by_level.map((r) => ({ name: t('level.' + r.key), value: r.count, key: r.key, itemStyle: { color: LEVEL_COLORS[r.key] } })),
    }],
  }
}

export function townshipLevels(s: Supervision, t: T): Option {
  const rows = s.volume.warnings_by_township
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 70 },
    xAxis: { type: 'category', data: rows.map((r) => short(r.township_name)), axisLabel },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['red', 'orange', 'yellow'] as const).map((level) => ({
      name: t('level.' + level), type: 'bar', stack: 'level', barMaxWidth: 28,
      itemStyle: { color: LEVEL_COLORS[level] },
      data: rows.map((r) => ({ value: r[level], code: r.township_code })),
    })),
  }
}

export function sourceBar(s: Supervision, t: T): Option {
  const rows = [...s.volume.leads_by_source].sort((a, b) => a.count - b.count)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 100, right: 40, top: 10, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => t('source.' + r.key)) },
    series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: PRIMARY }, label: { show: true, position: 'right' },
      data: rows.map((r) => ({ value: r.count, key: r.key })) }],
  }
}

export function onTimeBar(s: Supervision, t: T): Option {
  const rows = s.on_time.townships
  const pct = (v: number | null) => v
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 32, bottom: 70 },
    xAxis: { type: 'category', data: rows.map((r) => short(r.township_name)), axisLabel },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('board.sup.first_contact_rate'), type: 'bar', barMaxWidth: 16, itemStyle: { color: PRIMARY },
        data: rows.map((r) => ({ value: pct(r.first_contact_rate), code: r.township_code })) },
      { name: t('board.sup.verification_rate'), type: 'bar', barMaxWidth: 16, itemStyle: { color: '#2e9e6b' },
        data: rows.map((r) => ({ value: pct(r.verification_rate), code: r.township_code })) },
    ],
  }
}

export function funnel(s: Supervision, t: T): Option {
  const f = s.funnel.warnings
  const steps = [
    { name: t('board.sup.f_warnings'), value: f.warnings },
    { name: t('board.sup.f_with_lead'), value: f.with_lead },
    { name: t('board.sup.f_verified'), value: f.verified_need },
    { name: t('board.sup.f_granted'), value: f.assistance_granted },
  ]
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}' },
    color: ['#1f5fa8', '#3f7fc4', '#e67e22', '#2e9e6b'],
    series: [{
      type: 'funnel', left: '4%', width: '62%', top: 10, bottom: 10, sort: 'none', minSize: '8%', gap: 2,
      label: { position: 'right', formatter: '{b}  {c}', color: '#1f2d3d' },
      labelLine: { show: true },
      data: steps,
    }],
  }
}

export function firstContactBar(s: Supervision, t: T): Option {
  const rows = s.first_contact.townships
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 70 },
    xAxis: { type: 'category', data: rows.map((r) => short(r.township_name)), axisLabel },
    yAxis: { type: 'value', name: t('board.sup.working_days'), nameTextStyle: { align: 'left' } },
    series: [{ type: 'bar', barMaxWidth: 20, itemStyle: { color: '#6c5ce7' },
      data: rows.map((r) => ({ value: r.median_working_days, code: r.township_code })) }],
  }
}

export function trendLine(s: Supervision, t: T): Option {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 20, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: s.trend.map((r) => r.month), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('board.sup.t_warnings'), type: 'line', smooth: 0.2, itemStyle: { color: '#c0392b' }, data: s.trend.map((r) => r.warnings_raised) },
      { name: t('board.sup.t_leads'), type: 'line', smooth: 0.2, itemStyle: { color: PRIMARY }, data: s.trend.map((r) => r.leads_created) },
      { name: t('board.sup.t_closed'), type: 'line', smooth: 0.2, itemStyle: { color: '#2e9e6b' }, data: s.trend.map((r) => r.leads_closed) },
    ],
  }
}
