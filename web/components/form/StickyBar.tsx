import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  LoadingOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { SaveStatus } from '../../lib/draft-editor';
import { useI18n } from '../../lib/i18n';

export type { SaveStatus };

const fmt = (n: number) => n.toLocaleString('en-US');

/** 正文 4,980 / 5,000 字 — red, naming the overflow, when over. */
export function WordCount({ words, limit }: { words: number; limit: number }) {
  const { t } = useI18n();
  const over = words - limit;
  return (
    <Typography.Text strong type={over > 0 ? 'danger' : undefined} data-testid="word-count">
      {t('editor.words', { n: fmt(words), limit: fmt(limit) })}
      {over > 0 && <>（{t('editor.wordsOver', { n: fmt(over) })}）</>}
    </Typography.Text>
  );
}

function beijingTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  let content: ReactNode;
  switch (status.kind) {
    case 'saved':
      content = (
        <Typography.Text type="success">
          <CheckCircleOutlined />{' '}
          {status.at ? t('editor.saved', { time: beijingTime(status.at) }) : t('editor.savedNow')}
        </Typography.Text>
      );
      break;
    case 'saving':
      content = (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('editor.saving')}
        </Typography.Text>
      );
      break;
    case 'dirty':
      content = (
        <Typography.Text type="warning">
          <EditOutlined /> {t('editor.dirty')}
        </Typography.Text>
      );
      break;
    case 'error':
      content = (
        <Typography.Text type="danger">
          <WarningOutlined /> {t('editor.saveFailed', { reason: status.reason })}
        </Typography.Text>
      );
      break;
    case 'conflict':
      content = (
        <Typography.Text type="danger">
          <WarningOutlined /> {t('editor.conflictStatus')}
        </Typography.Text>
      );
      break;
  }
  return <span data-testid="save-status">{content}</span>;
}

/** Stays at the top while scrolling: the live count, the save state and the actions. */
export function StickyBar(props: { left: ReactNode; right: ReactNode }) {
  return (
    <div
      data-testid="editor-bar"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 20,
        background: '#fff',
        padding: '10px 16px',
        margin: '0 0 16px',
        borderRadius: 6,
        boxShadow: '0 2px 8px rgba(0,0,0,.08)',
      }}
    >
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={20} align="center" wrap>
          {props.left}
        </Flex>
        <Flex gap={8} align="center" wrap>
          {props.right}
        </Flex>
      </Flex>
    </div>
  );
}
