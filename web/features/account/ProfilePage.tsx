import { Card, Descriptions, Space } from 'antd';
import { ROLE_LABELS } from '../../../domain/roles';
import { RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { regionName, useMe, useRegions } from '../../lib/queries';

export function ProfilePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const regions = useRegions();
  if (!me.data) return <Loading />;
  const { user, enterprise, recommenderUnit } = me.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('profile.title')}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('field.login')}>{user.login}</Descriptions.Item>
          <Descriptions.Item label={t('field.role')}>
            {ROLE_LABELS[user.role][lang]}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.name')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={t('field.email')}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={t('field.phone')}>{user.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.lastSignIn')}>
            {formatDateTime(user.lastSignInAt)}
          </Descriptions.Item>
          {recommenderUnit && (
            <Descriptions.Item label={t('field.unit')} span={2}>
              {recommenderUnit.name}（{RECOMMENDER_UNIT_TYPE_LABELS[recommenderUnit.type][lang]}）
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {enterprise && (
        <Card title={t('home.enterprise.company')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('field.enterpriseName')}>
              {enterprise.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.uscc')}>{enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('field.region')}>
              {regionName(regions.data, enterprise.provinceCode, enterprise.cityCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.contactName')}>
              {enterprise.contactName}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.phone')}>{enterprise.phone}</Descriptions.Item>
            <Descriptions.Item label={t('field.email')}>{enterprise.email}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
