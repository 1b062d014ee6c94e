/**
 * ECharts options for a statistics card (issue 16 point 2): bars, the current period dark and the period
 * before light grey with diagonal stripes (a decal), each bar labelled with its value — so a black-and-white
 * print still tells the two apart and reads the numbers without colour. No animation: a print lays out once.
 * Pure; the chart component passes the result to vue-echarts.
 */
import type { StatisticsCardModel } from './statistics-cards'

/** Dark green-grey (prints near black) for the period shown, light grey for the one before, mid grey for a third. */
export const SERIES_COLOURS = ['#1f5c4d', '#b9c1c3', '#6f7b7e'] as const
/** The period before: stripes, so a grey print tells it from the current one by more than its shade. */
export const STRIPES = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: 'rgba(0, 0, 0, 0.45)' } as const

export function chartOption(card: StatisticsCardModel, opts: { print?: boolean } = {}): Record<string, unknown> {
  const labels = card.rows.map((r) => r.label)
  const many = labels.length > 12
  const fontSize = opts.print ? 10 : 13
  return {
    animation: false,
    aria: { enabled: true, label: { enabled: true } },
    color: [...SERIES_COLOURS],
    textStyle: { fontFamily: 'inherit', fontSize },
    grid: { left: 8, right: 12, top: card.series.length > 1 ? 34 : 18, bottom: 4, containLabel: true },
    legend: card.series.length > 1 ? { top: 0, itemWidth: 22, itemHeight: 14, textStyle: { fontSize } } : { show: false },
    tooltip: opts.print ? { show: false } : { trigger: 'axis', confine: true },
    xAxis: {
      type: 'category',
      data: labels,
      // A tap on a label opens its list too: a bar of 0 has nothing to tap.
      triggerEvent: true,
      axisLabel: { interval: many ? 'auto' : 0, fontSize, width: many ? undefined : 72, overflow: 'break', hideOverlap: many },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize } },
    series: card.series.map((name, i) => ({
      type: 'bar',
      name,
      data: card.rows.map((r) => r.values[i] ?? null),
      barMaxWidth: many ? 18 : 36,
      barGap: '10%',
      itemStyle: { color: SERIES_COLOURS[i % SERIES_COLOURS.length], borderColor: '#333', borderWidth: i ? 0.6 : 0, ...(i === 1 ? { decal: STRIPES } : {}) },
      label: { show: !many || opts.print === true, position: 'top', fontSize: many ? 8 : fontSize - 1, color: '#000' },
    })),
  }
}
