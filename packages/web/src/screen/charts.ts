import type { ScreenSummary } from '@shouwang/contract';
import type { TFunction } from 'i18next';
import { SITUATION_COLORS } from '../warnings/tags';
import type { ChartOption } from './echarts';

const TEXT = '#c9d8f2';
const AXIS = 'rgba(120, 160, 230, 0.25)';

/** Open warnings per district, largest on top. */
export function districtOption(t: TFunction, byDistrict: ScreenSummary['byDistrict']): ChartOption {
  const rows = [...byDistrict].sort((a, b) => a.open - b.open);
  return {
    backgroundColor: 'transparent',
    textStyle: { color: TEXT, fontSize: 14 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, right: 0, textStyle: { color: TEXT, fontSize: 14 } },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: TEXT }, splitLine: { lineStyle: { color: AXIS } } },
    yAxis: {
      type: 'category',
      data: rows.map((d) => d.name),
      axisLabel: { color: TEXT, fontSize: 15 },
      axisLine: { lineStyle: { color: AXIS } },
    },
    series: [
      {
        name: t('screen.open'),
        type: 'bar',
        data: rows.map((d) => d.open),
        barMaxWidth: 18,
        itemStyle: { color: '#3d8bff', borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: '#fff', fontSize: 14 },
      },
      {
        name: t('screen.today'),
        type: 'bar',
        data: rows.map((d) => d.today),
        barMaxWidth: 18,
        itemStyle: { color: '#ffb020', borderRadius: [0, 4, 4, 0] },
      },
    ],
  };
}

/** Open warnings per situation, as a donut: counts on the ring, names (and counts) in the legend. */
export function situationOption(t: TFunction, bySituation: ScreenSummary['bySituation']): ChartOption {
  const data = bySituation.map((s) => ({
    name: t(`situation.${s.situation}`),
    value: s.open,
    itemStyle: { color: SITUATION_COLORS[s.situation] },
  }));
  const counts = new Map(data.map((d) => [d.name, d.value]));
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      bottom: 0,
      textStyle: { color: TEXT, fontSize: 14 },
      itemGap: 14,
      formatter: (name: string) => `${name} ${counts.get(name) ?? 0}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['50%', '44%'],
        itemStyle: { borderColor: '#0a1a3a', borderWidth: 3 },
        // Empty situations stay in the legend (with 0) but put no label on the ring.
        minShowLabelAngle: 1,
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontSize: 16, fontWeight: 'bold' },
        labelLine: { show: false },
        data,
      },
    ],
  };
}
