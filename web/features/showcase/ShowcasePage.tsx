// /showcase/:publicId — 成果展示: the enterprise writes the text (字数 counted as WPS/Word do) and
// adds up to six images (PNG, JPEG, WebP, ≤ 5 MB each; moved or removed here), saves the draft and
// submits it for review. While it waits nothing changes (it may be withdrawn); a return shows the
// organizer's reason. What the public sees now is shown apart, read-only: a newer draft or
// submission does not replace it until approved. The unit's recommender and organizers read it.
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Image,
  Input,
  Space,
  Typography,
  Upload,
} from 'antd';
import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  DeleteOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import {
  SHOWCASE_IMAGE_MAX_BYTES,
  SHOWCASE_MAX_IMAGES,
  SHOWCASE_TEXT_MAX,
  SHOWCASE_TEXT_MIN,
  showcaseTextProblem,
} from '../../../domain/showcase';
import { countWords } from '../../../domain/word-count';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PublishedStatusTag } from '../../components/PublicationResult';
import { formatSize } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { PublicNow, ShowcaseStateTag } from '../../components/Showcase';
import { useShowcase, type ShowcaseImage, type ShowcaseView } from '../../lib/showcase';
import {
  useDeleteShowcaseImage,
  useSaveShowcase,
  useSubmitShowcase,
  useUploadShowcaseImage,
  useWithdrawShowcase,
} from './api';

export function ShowcasePage() {
  const { publicId = '' } = useParams();
  const q = useShowcase(publicId);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return <ShowcaseEditor key={publicId} view={q.data} />;
}

const ACCEPT = '.png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp';

/** The local order: the ids kept in the order chosen here, new ones at the end. */
function mergeOrder(local: string[], server: string[]) {
  const kept = local.filter((id) => server.includes(id));
  return [...kept, ...server.filter((id) => !kept.includes(id))];
}

export function ShowcaseEditor({ view }: { view: ShowcaseView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState(view.text);
  const [order, setOrder] = useState(view.images.map((i) => i.id));
  const [savedText, setSavedText] = useState(view.text);
  const save = useSaveShowcase(view.publicId);
  const upload = useUploadShowcaseImage(view.publicId);
  const remove = useDeleteShowcaseImage(view.publicId);
  const submit = useSubmitShowcase(view.publicId);
  const withdraw = useWithdrawShowcase(view.publicId);
  const [error, setError] = useState<unknown>(null);

  // a change answered: the images follow the server, the text typed here stays
  const serverIds = view.images.map((i) => i.id).join(',');
  useEffect(() => {
    setOrder((o) => mergeOrder(o, serverIds ? serverIds.split(',') : []));
  }, [serverIds]);

  const byId = useMemo(() => new Map(view.images.map((i) => [i.id, i])), [view.images]);
  const images = order.map((id) => byId.get(id)).filter((i): i is ShowcaseImage => !!i);
  const words = countWords(text);
  const pending = view.state === 'pending';
  const editable = view.canEdit && !pending;
  const orderChanged = order.join(',') !== serverIds;
  const dirty = text !== savedText || orderChanged;
  const busy = save.isPending || upload.isPending || remove.isPending || submit.isPending;

  async function saveDraft(): Promise<ShowcaseView | null> {
    setError(null);
    try {
      const saved = await save.mutateAsync({ text, imageIds: order, version: view.version });
      setSavedText(text);
      return saved;
    } catch (e) {
      setError(e);
      return null;
    }
  }

  async function onSave() {
    if (await saveDraft()) void message.success(t('showcase.saved'));
  }

  async function onSubmit() {
    const problem = showcaseTextProblem(text);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    const saved = dirty || !view.version ? await saveDraft() : view;
    if (!saved) return;
    try {
      await submit.mutateAsync(saved.version);
      void message.success(t('showcase.submitted'));
    } catch (e) {
      setError(e);
    }
  }

  const move = (index: number, by: number) =>
    setOrder((o) => {
      const next = [...o];
      const [id] = next.splice(index, 1);
      next.splice(index + by, 0, id!);
      return next;
    });

  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%' }}
      data-testid="showcase-page"
    >
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('showcase.title')}</span>
            <Typography.Text type="secondary">
              {view.solutionName}（{view.publicId}）
            </Typography.Text>
          </Flex>
        }
        extra={
          <Space>
            {view.status !== 'valid' && <PublishedStatusTag status={view.status} />}
            <ShowcaseStateTag state={view.state} />
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('showcase.intro')} />
          <StateAlert view={view} />
          {error != null && <ErrorAlert error={error} />}

          <div>
            <Typography.Title level={5}>{t('showcase.text')}</Typography.Title>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              disabled={!editable}
              autoSize={{ minRows: 8, maxRows: 20 }}
              aria-label={t('showcase.text')}
              placeholder={t('showcase.text.placeholder')}
              data-testid="showcase-text"
            />
            <Typography.Text
              type={
                words > SHOWCASE_TEXT_MAX || (words > 0 && words < SHOWCASE_TEXT_MIN)
                  ? 'danger'
                  : 'secondary'
              }
              data-testid="showcase-words"
            >
              {t('showcase.words', { n: words, min: SHOWCASE_TEXT_MIN, max: SHOWCASE_TEXT_MAX })}
            </Typography.Text>
          </div>

          <div>
            <Typography.Title level={5}>
              {t('showcase.images', { n: images.length, max: SHOWCASE_MAX_IMAGES })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('showcase.images.hint', {
                max: SHOWCASE_MAX_IMAGES,
                mb: SHOWCASE_IMAGE_MAX_BYTES / 1048576,
              })}
            </Typography.Paragraph>
            <Flex gap={12} wrap data-testid="showcase-images">
              {images.map((img, i) => (
                <Card
                  key={img.id}
                  size="small"
                  style={{ width: 200 }}
                  cover={
                    <Image
                      src={img.url}
                      alt={img.filename}
                      height={120}
                      style={{ objectFit: 'cover' }}
                    />
                  }
                  data-testid="showcase-image"
                  actions={
                    editable
                      ? [
                          <Button
                            key="left"
                            type="text"
                            size="small"
                            icon={<ArrowLeftOutlined />}
                            disabled={i === 0}
                            aria-label={t('showcase.image.left')}
                            onClick={() => move(i, -1)}
                          />,
                          <Button
                            key="right"
                            type="text"
                            size="small"
                            icon={<ArrowRightOutlined />}
                            disabled={i === images.length - 1}
                            aria-label={t('showcase.image.right')}
                            onClick={() => move(i, 1)}
                          />,
                          <Button
                            key="delete"
                            type="text"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('showcase.image.delete')}
                            data-testid="showcase-image-delete"
                            onClick={() => {
                              setError(null);
                              remove.mutate(img.id, { onError: setError });
                            }}
                          />,
                        ]
                      : undefined
                  }
                >
                  <Typography.Text ellipsis style={{ width: '100%' }}>
                    {i + 1}. {img.filename}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatSize(img.size)}</Typography.Text>
                </Card>
              ))}
              {images.length === 0 && <Empty description={t('showcase.images.none')} />}
            </Flex>
            {editable && images.length < SHOWCASE_MAX_IMAGES && (
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                beforeUpload={(file) => {
                  setError(null);
                  if (file.size > SHOWCASE_IMAGE_MAX_BYTES) {
                    setError(new Error(t('showcase.image.tooLarge', { name: file.name })));
                    return Upload.LIST_IGNORE;
                  }
                  upload.mutate(file, { onError: setError });
                  return false;
                }}
              >
                <Button
                  icon={<UploadOutlined />}
                  loading={upload.isPending}
                  style={{ marginTop: 12 }}
                  data-testid="showcase-upload"
                >
                  {t('showcase.upload')}
                </Button>
              </Upload>
            )}
          </div>

          {view.canEdit && (
            <Flex gap={8} wrap>
              {!pending && (
                <>
                  <Button
                    onClick={() => void onSave()}
                    loading={save.isPending}
                    disabled={busy}
                    data-testid="showcase-save"
                  >
                    {t('showcase.save')}
                  </Button>
                  <Button
                    type="primary"
                    onClick={() => void onSubmit()}
                    loading={submit.isPending}
                    disabled={busy || (view.state === 'approved' && !dirty)}
                    data-testid="showcase-submit"
                  >
                    {t('showcase.submit')}
                  </Button>
                </>
              )}
              {pending && (
                <Button
                  onClick={() => {
                    setError(null);
                    withdraw.mutate(view.version, { onError: setError });
                  }}
                  loading={withdraw.isPending}
                  data-testid="showcase-withdraw"
                >
                  {t('showcase.withdraw')}
                </Button>
              )}
              {dirty && editable && (
                <Typography.Text type="warning" data-testid="showcase-unsaved">
                  {t('showcase.unsaved')}
                </Typography.Text>
              )}
            </Flex>
          )}
        </Space>
      </Card>
      <PublicNow view={view} />
    </Space>
  );
}

function StateAlert({ view }: { view: ShowcaseView }) {
  const { t } = useI18n();
  if (view.status === 'revoked')
    return <Alert type="error" showIcon title={t('showcase.revoked')} />;
  if (view.state === 'pending')
    return (
      <Alert
        type="info"
        showIcon
        title={t('showcase.pending', { at: formatDateTime(view.submittedAt) })}
        data-testid="showcase-state-alert"
      />
    );
  if (view.state === 'approved')
    return (
      <Alert
        type="success"
        showIcon
        title={t('showcase.approved', { at: formatDateTime(view.reviewedAt) })}
        description={view.reviewNote ?? undefined}
        data-testid="showcase-state-alert"
      />
    );
  if (view.reviewNote && (view.state === 'rejected' || view.state === 'draft'))
    return (
      <Alert
        type="warning"
        showIcon
        title={t(view.state === 'rejected' ? 'showcase.rejected' : 'showcase.lastRejected', {
          at: formatDateTime(view.reviewedAt),
        })}
        description={<span style={{ whiteSpace: 'pre-wrap' }}>{view.reviewNote}</span>}
        data-testid="showcase-state-alert"
      />
    );
  return null;
}
