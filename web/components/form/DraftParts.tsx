// The parts every draft editor shows around its form: this browser's older copy, the problems
// to fix before submitting, and the conflict with a newer version.
import type { Ref } from 'react';
import { Alert, Button, Space } from 'antd';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';
import type { Attachment } from '../../lib/applications';
import type { DraftEditor } from '../../lib/draft-editor';
import type { Problem } from '../../lib/form-issues';
import type { NamePath } from '../../lib/form-paths';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { ConflictDialog } from './ConflictDialog';

/** This browser holds unsaved input based on an older version: put it back, or drop it. */
export function LocalCopyAlert({ draft }: { draft: DraftEditor }) {
  const { t } = useI18n();
  const offer = draft.offer;
  if (!offer) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="local-copy"
      title={t('editor.localCopy', {
        time: formatDateTime(offer.at),
        base: offer.baseVersion,
        current: draft.baseVersion(),
      })}
      action={
        <Space orientation="vertical">
          <Button size="small" type="primary" onClick={draft.restoreOffer}>
            {t('editor.localCopyRestore')}
          </Button>
          <Button size="small" onClick={draft.discardOffer}>
            {t('editor.localCopyDiscard')}
          </Button>
        </Space>
      }
    />
  );
}

/** Every problem, each with a button that moves the focus to its field. */
export function ProblemsAlert(props: {
  problems: Problem[] | null;
  title: (n: number) => string;
  testId: string;
  onJump: (name: NamePath) => void;
  innerRef?: Ref<HTMLDivElement>;
}) {
  const { problems } = props;
  if (!problems) return null;
  return (
    <div ref={props.innerRef}>
      <Alert
        type="error"
        showIcon
        data-testid={props.testId}
        title={props.title(problems.length)}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((p) => (
              <li key={p.key}>
                {p.name.length ? (
                  // a button, so the keyboard reaches it; it moves the focus into the field
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto', textDecoration: 'underline' }}
                    onClick={() => props.onJump(p.name)}
                  >
                    {p.label}
                  </Button>
                ) : (
                  p.label
                )}
                ：{p.message}
              </li>
            ))}
          </ul>
        }
      />
    </div>
  );
}

/** The conflict dialog of a draft editor, comparing the input on screen with the newer version. */
export function DraftConflictDialog(props: {
  draft: DraftEditor;
  decl: FormDeclaration;
  title?: string;
  settings?: Pick<CampaignSettings, 'categories'>;
  attachments?: ReadonlyMap<string, Attachment>;
}) {
  const { draft } = props;
  const c = draft.conflict;
  const open = draft.conflictOpen;
  const latest = c?.latest;
  return (
    <ConflictDialog
      open={open}
      title={props.title}
      decl={props.decl}
      comparison={{
        mine: open ? draft.getData() : {},
        other: latest === null ? draft.lastSaved() : latest?.data,
        kind: latest === null ? 'saved' : 'latest',
      }}
      settings={props.settings}
      attachments={props.attachments}
      currentVersion={c?.currentVersion}
      updatedAt={c?.updatedAt ?? latest?.updatedAt}
      onClose={draft.closeConflict}
      onReload={() => void draft.reloadNewer()}
      onOverwrite={() => void draft.overwrite()}
      busy={draft.busy}
    />
  );
}
