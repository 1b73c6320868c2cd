import { Alert, App, Button, Flex, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useI18n } from '../../lib/i18n';

/** Save / discard, always in view; on a conflict, what to do with my edits is the user's choice. */
export function SaveBar(props: {
  dirty: boolean;
  saving: boolean;
  conflict: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onReload: (keepMine: boolean) => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return (
    <div
      data-testid="config-save-bar"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        background: 'var(--ant-color-bg-container, #fff)',
        borderTop: '1px solid rgba(5,5,5,0.06)',
        padding: '12px 0 4px',
        marginTop: 16,
      }}
    >
      {props.conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="config-conflict"
          style={{ marginBottom: 12 }}
          title={t('cfg.conflict')}
          description={t('cfg.conflictHelp')}
          action={
            <Flex vertical gap={8}>
              <Button size="small" type="primary" onClick={() => props.onReload(true)}>
                {t('cfg.conflictKeep')}
              </Button>
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t('cfg.conflictDiscardConfirm'),
                    onOk: () => props.onReload(false),
                  })
                }
              >
                {t('cfg.conflictReload')}
              </Button>
            </Flex>
          }
        />
      )}
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type={props.dirty ? 'warning' : 'secondary'} data-testid="config-dirty">
          {props.dirty ? t('cfg.unsaved') : t('cfg.noChanges')}
        </Typography.Text>
        <Flex gap={8}>
          <Button disabled={!props.dirty || props.saving} onClick={props.onDiscard}>
            {t('cfg.discard')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={props.saving}
            disabled={!props.dirty}
            onClick={props.onSave}
            data-testid="config-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}
