// 拒绝评审: the expert gives a reason (at least 4 字); the assignment leaves their list and the
// organizer is offered a replacement. Possible until the review is submitted or the round closes.
import { App, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useI18n } from '../../lib/i18n';
import type { MyReviewItem } from '../../lib/reviews';
import { useDeclineAssignment } from './api';

/** Whether the expert may still decline this assignment (the server checks again). */
export const declinable = (r: Pick<MyReviewItem, 'state' | 'closed'>) =>
  r.state !== 'submitted' && !r.closed;

export function DeclineModal(props: { target: MyReviewItem | null; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclineAssignment();
  return (
    <Modal
      open={!!props.target}
      title={props.target && t('expert.decline.title', { name: props.target.solutionName })}
      okText={t('expert.decline.ok')}
      okButtonProps={{ danger: true, 'data-testid': 'decline-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={decline.isPending}
      destroyOnHidden
      onCancel={props.onClose}
      onOk={async () => {
        // the field shows what is wrong; the modal stays open
        const values = await form.validateFields().catch(() => null);
        if (!values) return;
        try {
          await decline.mutateAsync({
            assignmentId: props.target!.assignmentId,
            reason: values.reason.trim(),
          });
          void message.success(t('expert.decline.done'));
          form.resetFields();
          props.onClose();
        } catch (e) {
          void message.error(errorText(e));
        }
      }}
    >
      <Typography.Paragraph type="secondary">{t('expert.decline.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('expert.decline.reason')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                [...(v ?? '').trim()].length >= 4
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('expert.decline.short'))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
