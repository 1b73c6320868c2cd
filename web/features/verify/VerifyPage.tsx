import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { PublishedStatusTag } from '../../components/PublicationResult';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { api } from '../../lib/api';
import type { VerifyResult } from '../../lib/applications';
import { formatDateTime, formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** An 入选证明: whose, on which list, valid until when, and whether it stands today. */
function CertificateVerdict({ r }: { r: VerifyResult }) {
  const { t, lang } = useI18n();
  const status = r.status ?? 'valid';
  const day = (d: string | undefined) => (d ? formatPlainDate(d, lang) : '—');
  return (
    <Card data-testid="verify-result">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type={status === 'valid' ? 'success' : status === 'revoked' ? 'error' : 'warning'}
          showIcon
          data-testid="verify-certificate-status"
          title={t(`verify.cert.${status}`, { code: r.code, until: day(r.validUntil) })}
        />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('verify.cert.publicId')}>
            <span data-testid="verify-public-id">{r.publicId}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.solution')}>{r.solutionName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.enterprise')}>{r.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.cert.category')}>{r.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.channel')}>{r.channelName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.cert.list')}>
            {`${r.listTitle ?? ''}（${r.documentNo ?? ''}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.cert.validity')}>
            <span data-testid="verify-validity">
              {t('publication.validity', { from: day(r.validFrom), until: day(r.validUntil) })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.cert.status')}>
            <PublishedStatusTag status={status} />
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}

function Verdict({ r }: { r: VerifyResult }) {
  const { t } = useI18n();
  if (r.found && r.kind === 'certificate') return <CertificateVerdict r={r} />;
  if (!r.found)
    return (
      <Result
        status="warning"
        title={t('verify.notFound', { code: r.code })}
        subTitle={t('verify.notFoundHint')}
        data-testid="verify-result"
      />
    );
  const superseded =
    r.currentVersionNo != null && r.versionNo != null && r.currentVersionNo > r.versionNo;
  return (
    <Card data-testid="verify-result">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={t('verify.found', { code: r.code })} />
        {r.isCurrent ? (
          <Alert type="success" title={t('verify.current')} data-testid="verify-currency" />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="verify-currency"
            title={
              superseded
                ? t('verify.superseded', { n: r.currentVersionNo ?? '' })
                : t('verify.notCurrent')
            }
          />
        )}
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('verify.solution')}>{r.solutionName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.enterprise')}>{r.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.campaign')}>{r.campaignTitle}</Descriptions.Item>
          <Descriptions.Item label={t('verify.channel')}>{r.channelName}</Descriptions.Item>
          <Descriptions.Item label={t('verify.version')}>
            {t('apps.version', { n: r.versionNo ?? '' })}
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.submittedAt')}>
            {`${formatDateTime(r.submittedAt)}${t('time.beijing')}`}
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}

/**
 * Public (/verify?code=… and /verify/:code, the 入选证明's QR code): is this printed form the one
 * submitted online and still current, or is this 入选证明 genuine and valid today?
 */
export function VerifyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { code: pathCode } = useParams();
  const code = (params.get('code') ?? pathCode ?? '').trim();
  const [input, setInput] = useState(code);
  const q = useQuery({
    queryKey: ['verify', code],
    queryFn: () => api<VerifyResult>(`/verify/${encodeURIComponent(code)}`),
    enabled: !!code,
    retry: false,
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <div>
        <Typography.Title level={2}>{t('verify.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      </div>
      <Form
        layout="inline"
        onFinish={() => {
          const next = input.trim().toUpperCase();
          if (next) setParams({ code: next });
        }}
      >
        <Form.Item label={t('verify.code')} htmlFor="verify-code">
          <Input
            id="verify-code"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder={t('verify.placeholder')}
            style={{ width: 260, fontFamily: 'monospace' }}
            allowClear
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('verify.submit')}
          </Button>
        </Form.Item>
      </Form>
      {q.isFetching && <Loading />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && !q.isFetching && <Verdict r={q.data} />}
    </Space>
  );
}
