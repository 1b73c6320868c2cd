import { Button, Card, Flex, Form, Input, InputNumber, Select, Table } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  DEFAULT_MAX_DRAFTS,
  SUMMARY_COLUMN_FACTS,
  SUMMARY_COLUMN_FACT_LABELS,
  type CampaignSettings,
  type SummaryColumnFact,
  type SummaryTableSettings,
} from '../../../domain/campaign';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import { moved, removed, replaced } from './declaration-edit';
import { issuesUnder, type Issue } from './draft';

type Column = SummaryTableSettings['columns'][number];

/** 字数与附件3: the word limit, which winners report in 附件4, and 附件3's title and columns. */
export function SummaryTab(props: {
  value: CampaignSettings;
  onChange: (v: CampaignSettings) => void;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const s = props.value;
  const table = s.summaryTable;
  const setTable = (patch: Partial<SummaryTableSettings>) =>
    props.onChange({ ...s, summaryTable: { ...table, ...patch } });
  const setColumns = (columns: Column[]) => setTable({ columns });
  const setColumn = (i: number, patch: Partial<Column>) =>
    setColumns(replaced(table.columns, i, { ...table.columns[i]!, ...patch }));
  const col = (i: number, k: string) => `settings.summaryTable.columns.${i}.${k}`;
  const bad = (i: number, k: string) => issuesUnder(props.issues, col(i, k)).length > 0;
  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" component="div">
        <Flex gap={24} wrap>
          <Form.Item
            label={t('cfg.wordLimit')}
            htmlFor="cfg-word-limit"
            extra={t('cfg.wordLimitHelp')}
            {...itemStatus(props.issues, 'settings.wordLimit')}
          >
            <InputNumber
              id="cfg-word-limit"
              min={1}
              precision={0}
              value={s.wordLimit}
              onChange={(n) => n !== null && props.onChange({ ...s, wordLimit: n })}
              addonAfter="字"
            />
          </Form.Item>
          <Form.Item
            label={t('cfg.maxDrafts')}
            htmlFor="cfg-max-drafts"
            extra={t('cfg.maxDraftsHelp')}
            {...itemStatus(props.issues, 'settings.maxDraftsPerEnterprise')}
          >
            <InputNumber
              id="cfg-max-drafts"
              min={1}
              max={100}
              precision={0}
              value={s.maxDraftsPerEnterprise ?? DEFAULT_MAX_DRAFTS}
              onChange={(n) => n !== null && props.onChange({ ...s, maxDraftsPerEnterprise: n })}
              addonAfter="份"
            />
          </Form.Item>
          <Form.Item
            label={t('cfg.awardYears')}
            htmlFor="cfg-award-years"
            extra={t('cfg.awardYearsHelp')}
            {...itemStatus(props.issues, 'settings.followUpAwardYears')}
          >
            <Select
              id="cfg-award-years"
              mode="tags"
              style={{ minWidth: 240 }}
              open={false}
              suffixIcon={null}
              value={s.followUpAwardYears.map(String)}
              onChange={(ys: string[]) =>
                props.onChange({
                  ...s,
                  followUpAwardYears: [
                    ...new Set(
                      ys.map(Number).filter((y) => Number.isInteger(y) && y > 1999 && y < 2101),
                    ),
                  ].sort(),
                })
              }
            />
          </Form.Item>
        </Flex>
      </Form>
      <Card size="small" title={t('cfg.summaryTable')} data-testid="summary-table">
        <Form layout="vertical" component="div">
          <Form.Item
            label={t('cfg.summaryTitle')}
            htmlFor="cfg-summary-title"
            {...itemStatus(props.issues, 'settings.summaryTable.title')}
          >
            <Input
              id="cfg-summary-title"
              value={table.title}
              onChange={(e) => setTable({ title: e.target.value })}
            />
          </Form.Item>
        </Form>
        <Table<Column & { i: number }>
          size="small"
          rowKey="i"
          pagination={false}
          dataSource={table.columns.map((c, i) => ({ ...c, i }))}
          onRow={(r) => ({ 'data-testid': `summary-column-${r.i}` }) as object}
          columns={[
            { title: '#', width: 40, render: (_, r) => r.i + 1 },
            {
              title: t('cfg.columnFact'),
              render: (_, r) => (
                <Select<SummaryColumnFact>
                  style={{ width: 180 }}
                  aria-label={t('cfg.columnFact')}
                  showSearch={{ optionFilterProp: 'label' }}
                  status={bad(r.i, 'fact') ? 'error' : undefined}
                  value={r.fact}
                  onChange={(fact) =>
                    setColumn(r.i, { fact, header: SUMMARY_COLUMN_FACT_LABELS[fact] })
                  }
                  options={SUMMARY_COLUMN_FACTS.map((f) => ({
                    value: f,
                    label: SUMMARY_COLUMN_FACT_LABELS[f],
                  }))}
                />
              ),
            },
            {
              title: t('cfg.columnHeader'),
              render: (_, r) => (
                <Input
                  aria-label={t('cfg.columnHeader')}
                  status={bad(r.i, 'header') ? 'error' : undefined}
                  value={r.header}
                  onChange={(e) => setColumn(r.i, { header: e.target.value })}
                />
              ),
            },
            {
              title: t('cfg.columnWidth'),
              width: 110,
              render: (_, r) => (
                <InputNumber
                  aria-label={t('cfg.columnWidth')}
                  status={bad(r.i, 'width') ? 'error' : undefined}
                  min={4}
                  max={80}
                  precision={0}
                  value={r.width}
                  onChange={(n) => n !== null && setColumn(r.i, { width: n })}
                />
              ),
            },
            {
              width: 120,
              render: (_, r) => (
                <Flex gap={2}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('cfg.moveUp')}
                    disabled={r.i === 0}
                    onClick={() => setColumns(moved(table.columns, r.i, -1))}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('cfg.moveDown')}
                    disabled={r.i === table.columns.length - 1}
                    onClick={() => setColumns(moved(table.columns, r.i, 1))}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('cfg.remove')}
                    onClick={() => setColumns(removed(table.columns, r.i))}
                  />
                </Flex>
              ),
            },
          ]}
        />
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          style={{ marginTop: 12 }}
          data-testid="summary-column-add"
          disabled={table.columns.length >= 20}
          onClick={() =>
            setColumns([
              ...table.columns,
              { fact: 'solutionName', header: SUMMARY_COLUMN_FACT_LABELS.solutionName, width: 20 },
            ])
          }
        >
          {t('cfg.columnAdd')}
        </Button>
      </Card>
    </Flex>
  );
}
