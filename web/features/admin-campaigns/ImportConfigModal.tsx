import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { campaignCodeSchema } from '../../../domain/campaign-config';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { optionalRule } from '../../lib/zod-form';
import { importCampaign } from './api';
import { issuesOfError } from './draft';
import { IssueList } from './IssueList';

interface Values {
  code: string;
  title?: string;
}

interface Loaded {
  name: string;
  config: unknown;
  /** what the file says it is, when it says */
  title?: string;
}

/** 导入配置: a JSON file exported here or elsewhere, created under a new code; all or nothing. */
export function ImportConfigModal(props: { open: boolean; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const run = useMutation({
    mutationFn: importCampaign,
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      close();
      void navigate(`/admin/campaigns/${c.campaign.code}/config`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CAMPAIGN_CODE_TAKEN')
        form.setFields([{ name: 'code', errors: [errorText(e)] }]);
    },
  });
  function close() {
    setFile(null);
    setFileError(null);
    run.reset();
    props.onClose();
  }
  const read = async (f: File) => {
    setFileError(null);
    run.reset();
    try {
      const config = JSON.parse(await f.text()) as unknown;
      const c = (config as { campaign?: { title?: unknown } } | null)?.campaign;
      setFile({ name: f.name, config, title: typeof c?.title === 'string' ? c.title : undefined });
    } catch {
      setFile(null);
      setFileError(t('cfg.importNotJson', { name: f.name }));
    }
    return false;
  };
  const onOk = async () => {
    if (!file) {
      setFileError(t('cfg.importChoose'));
      return;
    }
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    run.mutate({ config: file.config, code: v.code, ...(v.title?.trim() && { title: v.title }) });
  };
  const issues = issuesOfError(run.error);
  const generic =
    run.error &&
    !issues.length &&
    !(run.error instanceof ApiError && run.error.code === 'CAMPAIGN_CODE_TAKEN');
  return (
    <Modal
      open={props.open}
      title={t('cfg.import')}
      onCancel={close}
      onOk={() => void onOk()}
      okText={t('cfg.importOk')}
      confirmLoading={run.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('cfg.importHelp')}</Typography.Paragraph>
      <Upload
        accept=".json,application/json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => read(f)}
      >
        <Button icon={<UploadOutlined />} data-testid="import-file">
          {t('cfg.importFile')}
        </Button>
      </Upload>
      {file && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="import-loaded">
          {file.name}
          {file.title && `：${file.title}`}
        </Typography.Paragraph>
      )}
      {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 8 }} />}
      <Form<Values> form={form} layout="vertical" name="import-campaign" style={{ marginTop: 16 }}>
        <Form.Item
          name="code"
          label={t('cfg.importCode')}
          extra={t('campaignsAdmin.codeHelp')}
          rules={[{ required: true }, optionalRule(campaignCodeSchema)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('cfg.importTitle')} extra={t('cfg.importTitleHelp')}>
          <Input placeholder={file?.title} />
        </Form.Item>
      </Form>
      <IssueList issues={issues} title={t('cfg.importRefused')} testId="import-issues" />
      {generic && <Alert type="error" showIcon title={errorText(run.error)} />}
    </Modal>
  );
}
