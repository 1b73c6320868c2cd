import { Descriptions, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { VerificationDocumentKind } from '../../../domain/enterprise-verification';
import { formatSize } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { proofUrl, type EnterpriseVerification } from '../../lib/verification';

/** The licence (and the letter, where one is asked for): links to open them, or what is missing. */
export function ProofList({ v }: { v: EnterpriseVerification }) {
  const { t } = useI18n();
  const kinds: VerificationDocumentKind[] = v.filerIsLegalRep
    ? ['licence']
    : ['licence', 'authorisation'];
  return (
    <Descriptions size="small" column={1}>
      {kinds.map((kind) => {
        const doc = v[kind];
        return (
          <Descriptions.Item key={kind} label={t(`ev.doc.${kind}`)}>
            {doc ? (
              <a
                href={proofUrl(v.enterpriseId, kind)}
                target="_blank"
                rel="noreferrer"
                data-testid={`proof-${kind}`}
              >
                <PaperClipOutlined /> {doc.filename}（{formatSize(doc.size)}，
                {formatDateTime(doc.uploadedAt)}）
              </a>
            ) : (
              <Typography.Text type="danger" data-testid={`proof-${kind}-missing`}>
                {t('ev.doc.missing')}
              </Typography.Text>
            )}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
