import { Alert, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import type { Issue } from './draft';

/** A refusal's problems, each in Chinese with where it is; the raw path in small print. */
export function IssueList(props: {
  issues: readonly Issue[];
  title?: string;
  testId?: string;
  where?: (path: string) => string | null;
}) {
  const { t } = useI18n();
  if (!props.issues.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={props.testId ?? 'config-issues'}
      style={{ marginBottom: 16 }}
      title={props.title ?? t('cfg.issues', { n: props.issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {props.issues.map((i, n) => (
            <li key={n}>
              {props.where?.(i.path) && <strong>{props.where(i.path)}：</strong>}
              {i.message}{' '}
              {i.path && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  （{i.path}）
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
