import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OneTimePassword } from '../../../domain/api/accounts';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimePasswordModal } from '../../components/OneTimePasswordModal';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/queries';
import type { Items, User } from '../../lib/types';
import { CreateUserModal } from './CreateUserModal';
import { useUnitOptions } from './useUnits';

export function UsersPage() {
  const { t, lang, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const showLinkSent = (email: string) =>
    modal.success({ title: t('users.linkSentTitle'), content: t('users.linkSent', { email }) });
  const qc = useQueryClient();
  const [role, setRole] = useState<Role | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [otp, setOtp] = useState<{ login: string; password: string } | null>(null);
  const units = useUnitOptions();
  const me = useMe();
  const users = useQuery({
    queryKey: ['users', role, unitId, q],
    queryFn: () => api<Items<User>>('/users', { query: { role, q, recommenderUnitId: unitId } }),
    select: (d) => d.items,
  });
  const update = useMutation({
    mutationFn: (v: { id: string; status: User['status'] }) =>
      api<User>(`/users/${v.id}`, { method: 'PATCH', body: { status: v.status } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
    onError: (e) => message.error(errorText(e)),
  });
  const reset = useMutation({
    mutationFn: (u: User) =>
      api<OneTimePassword>(`/users/${u.id}/password-reset`, { method: 'POST' }),
    onSuccess: (res, u) => {
      if (res.oneTimePassword) setOtp({ login: u.login, password: res.oneTimePassword });
      else if (res.linkSentTo) showLinkSent(res.linkSentTo);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => message.error(errorText(e)),
  });

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('field.role')}
          style={{ width: 160 }}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          aria-label={t('field.role')}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('field.unit')}
          style={{ width: 220 }}
          value={unitId}
          onChange={setUnitId}
          options={units.data}
          aria-label={t('field.unit')}
        />
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          style={{ width: 260 }}
          onSearch={setQ}
        />
      </Flex>
      <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 960 }}
        columns={[
          {
            title: t('field.login'),
            dataIndex: 'login',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          { title: t('field.name'), dataIndex: 'name' },
          { title: t('field.role'), dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r][lang] },
          {
            title: `${t('field.unit')} / ${t('field.enterpriseName')}`,
            render: (_, u) => u.recommenderUnitName ?? u.enterpriseName ?? '—',
          },
          { title: t('field.email'), dataIndex: 'email' },
          {
            title: t('common.status'),
            render: (_, u) => (
              <Space size={4}>
                {u.status === 'active' ? (
                  <Tag color="green">{t('common.active')}</Tag>
                ) : (
                  <Tag>{t('common.disabled')}</Tag>
                )}
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                  <Tag color="red">{t('users.locked')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('field.lastSignIn'),
            dataIndex: 'lastSignInAt',
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            fixed: 'right',
            render: (_, u) => (
              <Space size={0}>
                {u.id === me.data?.user.id ? null : u.status === 'active' ? (
                  <Popconfirm
                    title={t('users.disableConfirm', { login: u.login })}
                    onConfirm={() => update.mutate({ id: u.id, status: 'disabled' })}
                  >
                    <Button type="link" danger size="small">
                      {t('common.disable')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => update.mutate({ id: u.id, status: 'active' })}
                  >
                    {t('common.enable')}
                  </Button>
                )}
                <Popconfirm
                  title={t('users.resetConfirm', { login: u.login })}
                  onConfirm={() => reset.mutate(u)}
                >
                  <Button type="link" size="small">
                    {t('users.resetPassword')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password, linkSentTo) => {
          setCreating(false);
          message.success(t('users.created'));
          if (password) setOtp({ login: user.login, password });
          else if (linkSentTo) showLinkSent(linkSentTo);
        }}
      />
      <OneTimePasswordModal
        login={otp?.login ?? ''}
        password={otp?.password ?? null}
        onClose={() => setOtp(null)}
      />
    </Card>
  );
}
