// /spot-checks/algorithm (public) — the draw's algorithm and a worked example (docs/SPOT-CHECK.md),
// shown as the document's text.
import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import doc from '../../../docs/SPOT-CHECK.md?raw';
import { useI18n } from '../../lib/i18n';

export function SpotCheckAlgorithmPage() {
  const { t } = useI18n();
  return (
    <Card extra={<Link to="/spot-checks">{t('spot.back')}</Link>}>
      <Typography>
        <pre
          style={{
            whiteSpace: 'pre-wrap',
            fontFamily: 'inherit',
            fontSize: 14,
            lineHeight: 1.8,
            background: 'none',
            border: 0,
            margin: 0,
          }}
        >
          {doc}
        </pre>
      </Typography>
    </Card>
  );
}
