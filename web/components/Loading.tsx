import { Flex, Spin } from 'antd';
import { useI18n } from '../lib/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <Flex justify="center" align="center" style={{ padding: 48 }}>
      <Spin description={t('common.loading')}>
        <div style={{ width: 120, height: 40 }} />
      </Spin>
    </Flex>
  );
}
