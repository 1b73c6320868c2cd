import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../lib/i18n';
import { returnFollowUp, type FollowUpReport } from './api';

const COMMENT_MAX = 500;

/** 退回: the recommender sends a submitted report back to the enterprise with a comment. */
export function ReturnModal(props: {
  open: boolean;
  campaignId: string;
  awardId: string;
  title: string;
  onClose: () => void;
  onReturned: (r: FollowUpReport) => void;
}) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const send = useMutation({
    mutationFn: (comment: string) => returnFollowUp(props.awardId, props.campaignId, comment),
    onSuccess: (r) => {
      form.resetFields();
      props.onReturned(r);
    },
  });
  return (
    <Modal
      open={props.open}
      title={t('followUp.returnTitle', { name: props.title })}
      okText={t('followUp.return')}
      okButtonProps={{ danger: true, loading: send.isPending }}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() =>
        form.validateFields().then(
          (v) => send.mutate(v.comment.trim()),
          () => undefined, // the messages are on the field
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('followUp.returnHint')}</Typography.Paragraph>
      {send.error != null && (
        <Alert type="error" showIcon title={errorText(send.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" name="follow-up-return">
        <Form.Item
          name="comment"
          label={t('followUp.returnComment')}
          rules={[
            { required: true, whitespace: true, message: t('followUp.returnCommentRequired') },
            { min: 2, message: t('followUp.returnCommentRequired') },
            { max: COMMENT_MAX },
          ]}
        >
          <Input.TextArea rows={4} maxLength={COMMENT_MAX} showCount data-testid="return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
