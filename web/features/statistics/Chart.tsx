// One ECharts chart: renders an option from domain/statistics-charts, resizes with its box, and
// reports clicks on data items. The table view beside it is the accessible alternative.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { ChartOption } from '../../../domain/statistics-charts';
import { init, type EChartsType } from './echarts';

export interface ChartHandle {
  /** The chart as a PNG data URL (导出图片). */
  toPng: () => string | null;
}

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
  data: unknown;
}

export const Chart = forwardRef<
  ChartHandle,
  {
    option: ChartOption;
    height: number;
    label: string;
    onItemClick?: (e: ChartClick) => void;
  }
>(function Chart({ option, height, label, onItemClick }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = c;
    c.on('click', (p) => {
      const e = p as unknown as ChartClick & { componentType: string };
      if (e.componentType === 'series') clickRef.current?.(e);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as never, { notMerge: true });
  }, [option]);

  useImperativeHandle(ref, () => ({
    toPng: () =>
      chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }}
    />
  );
});
