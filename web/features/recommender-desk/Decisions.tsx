// 退回修改 / 不予推荐 / 推荐 / 取消推荐 on one application.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useDecide, type Decision, type ReviewedApplication } from './api';
import type { Desk } from './DeskFrame';
import { nextRank } from './ranking';

type Open = 'return' | 'reject' | 'recommend' | null;

const TEXT_FIELD: Record<'return' | 'reject', { label: MessageKey; hint: MessageKey }> = {
  return: { label: 'desk.decide.comment', hint: 'desk.decide.returnHint' },
  reject: { label: 'desk.decide.reason', hint: 'desk.decide.rejectHint' },
};

function TextDecision(props: {
  kind: 'return' | 'reject';
  open: boolean;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const { label, hint } = TEXT_FIELD[props.kind];
  return (
    <Modal
      open={props.open}
      title={t(props.kind === 'return' ? 'desk.decide.returnTitle' : 'desk.decide.rejectTitle')}
      okText={t(props.kind === 'return' ? 'desk.decide.return' : 'desk.decide.reject')}
      okButtonProps={{ danger: props.kind === 'reject', loading: props.pending }}
      cancelText={t('common.cancel')}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
      destroyOnHidden
      data-testid={`${props.kind}-modal`}
    >
      <Alert type="info" showIcon title={t(hint)} style={{ marginBottom: 16 }} />
      {props.open && <ErrorAlert error={props.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => props.onSubmit(v.text.trim())}>
        <Form.Item
          name="text"
          label={t(label)}
          rules={[
            { required: true, whitespace: true, message: t('desk.decide.textRequired') },
            { min: 2, message: t('desk.decide.textRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RecommendModal(props: {
  open: boolean;
  pending: boolean;
  error: unknown;
  defaultRank: number;
  onCancel: () => void;
  onSubmit: (rank: number) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ rank: number }>();
  return (
    <Modal
      open={props.open}
      title={t('desk.decide.recommendTitle')}
      okText={t('desk.decide.recommend')}
      okButtonProps={{ loading: props.pending }}
      cancelText={t('common.cancel')}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="recommend-modal"
    >
      {props.open && <ErrorAlert error={props.error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ rank: props.defaultRank }}
        onFinish={(v) => props.onSubmit(v.rank)}
      >
        <Form.Item
          name="rank"
          label={t('desk.decide.rank')}
          extra={t('desk.decide.rankHint')}
          rules={[{ required: true, message: t('desk.decide.rankRequired') }]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The actions the application's state allows; all disabled while the batch is signed off. */
export function Decisions({ desk, app }: { desk: Desk; app: ReviewedApplication }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const decide = useDecide(desk.campaign.id, desk.unitId, app.id);
  const locked = desk.signedOff;
  const full = desk.batch.recommended >= desk.batch.quota;

  const run = (d: Decision) => {
    decide.mutate(d, {
      onSuccess: () => {
        setOpen(null);
        message.success(t(`desk.decide.done.${d.kind}`));
      },
    });
  };
  const show = (o: Open) => {
    decide.reset();
    setOpen(o);
  };

  return (
    <div data-testid="decisions">
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('desk.locked')}
          data-testid="desk-locked"
        />
      )}
      {!open && <ErrorAlert error={decide.error} />}
      <Flex wrap gap={8}>
        {app.state === 'submitted' && (
          <>
            <Button type="primary" disabled={locked} onClick={() => show('recommend')}>
              {t('desk.decide.recommend')}
            </Button>
            <Button disabled={locked} onClick={() => show('return')}>
              {t('desk.decide.return')}
            </Button>
            <Button danger disabled={locked} onClick={() => show('reject')}>
              {t('desk.decide.reject')}
            </Button>
          </>
        )}
        {app.state === 'recommended' && (
          <Popconfirm
            title={t('desk.decide.unrecommendConfirm')}
            okText={t('desk.decide.unrecommend')}
            cancelText={t('common.cancel')}
            onConfirm={() => run({ kind: 'unrecommend' })}
            disabled={locked}
          >
            <Button disabled={locked} loading={decide.isPending}>
              {t('desk.decide.unrecommend')}
            </Button>
          </Popconfirm>
        )}
        {!['submitted', 'recommended'].includes(app.state) && (
          <Alert type="info" showIcon title={t('desk.decide.none')} />
        )}
      </Flex>
      {app.state === 'submitted' && full && !locked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('desk.decide.quotaFull', { quota: desk.batch.quota })}
        />
      )}
      {(['return', 'reject'] as const).map((kind) => (
        <TextDecision
          key={kind}
          kind={kind}
          open={open === kind}
          pending={decide.isPending}
          error={decide.error}
          onCancel={() => setOpen(null)}
          onSubmit={(text) =>
            run(kind === 'return' ? { kind, comment: text } : { kind, reason: text })
          }
        />
      ))}
      <RecommendModal
        open={open === 'recommend'}
        pending={decide.isPending}
        error={decide.error}
        defaultRank={nextRank(desk.batch.rows.map((r) => r.rank))}
        onCancel={() => setOpen(null)}
        onSubmit={(rank) => run({ kind: 'recommend', rank })}
      />
    </div>
  );
}
