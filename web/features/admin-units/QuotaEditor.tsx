import { useState } from 'react';
import { Button, InputNumber, Popover, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n';
import type { RecommenderUnit } from '../../lib/types';

/** Shows the effective quota; an organizer sets or clears an override. */
export function QuotaEditor({
  unit,
  onSave,
}: {
  unit: RecommenderUnit;
  onSave: (quotaOverride: number | null) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(unit.quotaOverride);
  return (
    <Space size={4}>
      <span>{unit.quota ?? '—'}</span>
      {unit.quotaOverride !== null && <Typography.Text type="warning">*</Typography.Text>}
      <Popover
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          setValue(unit.quotaOverride);
        }}
        trigger="click"
        title={t('units.quotaOverride')}
        content={
          <Space direction="vertical">
            <Typography.Text type="secondary">{t('units.quotaOverrideHelp')}</Typography.Text>
            <Space>
              <InputNumber
                min={0}
                max={100}
                precision={0}
                value={value}
                onChange={(v) => setValue(v ?? null)}
              />
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  onSave(value ?? null);
                  setOpen(false);
                }}
              >
                {t('common.save')}
              </Button>
            </Space>
          </Space>
        }
      >
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('units.editQuota')}
        />
      </Popover>
    </Space>
  );
}
