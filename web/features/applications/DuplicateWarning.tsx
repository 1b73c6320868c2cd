import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import { checkDuplicates, type FindingView } from '../../lib/duplicates';
import { useI18n } from '../../lib/i18n';

/**
 * 不得重复上报: the saved working copy against past awards; `check` after each save. The answer only
 * warns: a failed check must not get in the way of editing.
 */
export function useAwardMatches(appId: string, enabled: boolean) {
  const [matches, setMatches] = useState<FindingView[]>([]);
  const n = useRef(0);
  const check = useCallback(() => {
    const mine = ++n.current;
    checkDuplicates(appId).then(
      (r) => mine === n.current && setMatches(r.findings.filter((f) => f.kind === 'award')),
      () => undefined,
    );
  }, [appId]);
  useEffect(() => {
    if (enabled) check();
  }, [enabled, check]);
  return { matches, check };
}

export function DuplicateWarning({ matches }: { matches: FindingView[] }) {
  const { t } = useI18n();
  if (!matches.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      style={{ marginBottom: 12 }}
      title={t('dup.editor.title', { n: matches.length })}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {matches.map((f, i) => (
              <li key={f.id ?? i}>
                {f.match.kind === 'award' &&
                  t('dup.editor.item', {
                    year: f.match.year ?? '—',
                    solution: f.match.solutionName,
                    enterprise: f.match.enterpriseName,
                    score: Math.round(f.score * 100),
                  })}
                {f.reasons.length > 0 && <>：{f.reasons.join('；')}</>}
              </li>
            ))}
          </ul>
          {t('dup.editor.hint')}
        </>
      }
    />
  );
}
