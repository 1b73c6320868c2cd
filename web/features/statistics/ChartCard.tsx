// A chart with its table view (the accessible alternative), XLSX export of its data and PNG export
// of the picture. The chart itself (ECharts) is drawn by ./Chart.
import { useRef, useState, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Segmented, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import type { StatFilters } from '../../../domain/statistics';
import type { ChartOption } from '../../../domain/statistics-charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../lib/i18n';
import { exportHref, type StatChart } from './api';
import { Chart, type ChartClick, type ChartHandle } from './Chart';

export interface ChartCardProps<T> {
  title: string;
  chart: StatChart;
  campaignId: string;
  /** the filters the data was asked with (the export carries them) */
  filters: StatFilters;
  option: ChartOption | undefined;
  rows: T[] | undefined;
  columns: TableColumnsType<T>;
  rowKey: (row: T) => string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  height?: number;
  onItemClick?: (e: ChartClick) => void;
  /** shown above the chart (a filter chip, a back link, a switch) */
  toolbar?: ReactNode;
  /** shown under the chart or table */
  footer?: ReactNode;
}

export function ChartCard<T extends object>(props: ChartCardProps<T>) {
  const { t } = useI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const chart = useRef<ChartHandle>(null);
  const empty = !props.loading && !props.error && (props.rows?.length ?? 0) === 0;
  const savePng = () => {
    const url = chart.current?.toPng();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${props.title}.png`;
    a.click();
  };
  return (
    <Card
      title={props.title}
      size="small"
      data-testid={`chart-${props.chart}`}
      extra={
        <Flex gap={4} wrap align="center">
          <Segmented<'chart' | 'table'>
            size="small"
            aria-label={t('stats.view')}
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('stats.view.chart') },
              { value: 'table', label: t('stats.view.table') },
            ]}
          />
          <Tooltip title={t('stats.exportXlsx.hint')}>
            <Button
              size="small"
              icon={<FileExcelOutlined />}
              href={exportHref(props.campaignId, props.chart, props.filters)}
              data-testid={`export-${props.chart}`}
            >
              {t('stats.exportXlsx')}
            </Button>
          </Tooltip>
          <Button
            size="small"
            icon={<PictureOutlined />}
            onClick={savePng}
            disabled={view !== 'chart' || empty}
          >
            {t('stats.exportPng')}
          </Button>
        </Flex>
      }
    >
      {props.toolbar}
      {props.error ? (
        <ErrorAlert error={props.error} onRetry={props.onRetry} />
      ) : empty ? (
        <Empty description={t('stats.noData')} />
      ) : view === 'table' ? (
        <Table<T>
          size="small"
          rowKey={props.rowKey}
          columns={props.columns}
          dataSource={props.rows}
          loading={props.loading}
          pagination={(props.rows?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          aria-label={props.title}
        />
      ) : props.option ? (
        <Chart
          ref={chart}
          option={props.option}
          height={props.height ?? 320}
          label={t('stats.chartLabel', { title: props.title })}
          onItemClick={props.onItemClick}
        />
      ) : (
        <div style={{ height: props.height ?? 320 }} aria-busy="true" />
      )}
      {props.footer}
    </Card>
  );
}
