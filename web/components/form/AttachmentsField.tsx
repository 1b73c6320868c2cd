import { useRef, useState } from 'react';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { AttachmentKind } from '../../../domain/form';
import { api } from '../../lib/api';
import { attachmentUrl, formatSize, type Attachment } from '../../lib/applications';
import { useI18n } from '../../lib/i18n';

const ACCEPT: Record<AttachmentKind, string> = {
  pdf: '.pdf,application/pdf',
  image: '.png,.jpg,.jpeg,image/png,image/jpeg',
  office: '.docx,.xlsx',
};

/**
 * Files uploaded to the application; the field's value is the list of their ids.
 * Removing a file unlinks it from the data (the upload itself stays with the application).
 */
export function AttachmentsField(props: {
  id?: string;
  value?: string[] | null;
  onChange?: (ids: string[]) => void;
  appId: string;
  accept: AttachmentKind[];
  maxFiles: number;
  known: ReadonlyMap<string, Attachment>;
  onUploaded: (a: Attachment) => void;
  /** a form that is not an application: where its files go and are read */
  files?: { uploadPath: string; url: (id: string) => string };
  disabled?: boolean;
  testId: string;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [pending, setPending] = useState<UploadFile[]>([]);
  const ids = props.value ?? [];
  // several files may finish at once: always add to the latest list
  const latest = useRef(ids);
  latest.current = ids;
  const fileList: UploadFile[] = [
    ...ids.map((id): UploadFile => {
      const a = props.known.get(id);
      return {
        uid: id,
        name: a ? `${a.filename}（${formatSize(a.size)}）` : id,
        status: 'done',
        url: props.files ? props.files.url(id) : attachmentUrl(props.appId, id),
      };
    }),
    ...pending,
  ];
  const full = ids.length >= props.maxFiles;
  return (
    <div data-testid={props.testId}>
      <Upload
        id={props.id}
        multiple
        accept={props.accept.map((k) => ACCEPT[k]).join(',')}
        fileList={fileList}
        disabled={props.disabled}
        showUploadList={{ showRemoveIcon: !props.disabled }}
        customRequest={async ({ file }) => {
          const f = file as File & { uid: string };
          setPending((p) => [...p, { uid: f.uid, name: f.name, status: 'uploading' }]);
          try {
            const body = new FormData();
            body.append('file', f, f.name);
            const a = await api<Attachment>(
              props.files?.uploadPath ?? `/applications/${props.appId}/attachments`,
              {
                method: 'POST',
                body,
              },
            );
            props.onUploaded(a);
            const next = [...latest.current, a.id];
            latest.current = next;
            props.onChange?.(next);
            setPending((p) => p.filter((x) => x.uid !== f.uid));
          } catch (e) {
            const reason = errorText(e);
            message.error(t('editor.uploadFailed', { name: f.name, reason }));
            setPending((p) =>
              p.map((x) => (x.uid === f.uid ? { ...x, status: 'error', response: reason } : x)),
            );
          }
        }}
        onRemove={(file) => {
          if (pending.some((p) => p.uid === file.uid)) {
            setPending((p) => p.filter((x) => x.uid !== file.uid));
          } else {
            props.onChange?.(latest.current.filter((x) => x !== file.uid));
          }
          return false;
        }}
      >
        {!props.disabled && (
          <Button icon={<UploadOutlined />} disabled={full}>
            {t('editor.upload')}
          </Button>
        )}
      </Upload>
      {!props.disabled && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('editor.uploadHint', {
            types: props.accept.map((k) => t(`attachKind.${k}`)).join(t('common.listSep')),
            n: props.maxFiles,
          })}
        </Typography.Text>
      )}
    </div>
  );
}
