import { factsOf } from '../../../domain/facts';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { FileNotFoundError } from '../../lib/files';
import { findCampaign, formOfCampaign } from '../campaigns';
import { findEnterprise } from '../enterprises';
import { findRecommenderUnit } from '../recommender-units';
import { runInWorker } from '../../lib/worker-pool';
import { printImageOf, type PrintImage, type PrintInput } from '../printing';
import { industryNames, regionNames } from '../reference';
import { viewableApplication } from './load';
import * as repo from './repository';

/** The PNG/JPEG attachments of a version, read from the file storage, to print as figures. */
async function imagesOf(
  deps: Deps,
  applicationId: string,
  frozen: { id: string; kind: string }[],
): Promise<Record<string, PrintImage>> {
  const out: Record<string, PrintImage> = {};
  for (const a of frozen) {
    if (a.kind !== 'image') continue;
    const row = await repo.findAttachment(deps.db, applicationId, a.id);
    if (!row) continue;
    const bytes = await deps.files.get(row.storageKey).catch((e: unknown) => {
      if (e instanceof FileNotFoundError) return null; // listed by name and hash still
      throw e;
    });
    const image = bytes && printImageOf(bytes);
    if (image) out[a.id] = image;
  }
  return out;
}

/** Everything the printed form shows, for one frozen version. */
export async function printInputOf(
  deps: Deps,
  app: repo.ApplicationRow,
  versionNo: number,
): Promise<PrintInput> {
  const version = await repo.findVersion(deps.db, app.id, versionNo);
  if (!version) throw new AppError('NOT_FOUND', { message: `未找到第${versionNo}版` });
  const [campaign, enterprise, unit] = await Promise.all([
    findCampaign(deps.db, app.campaignId),
    findEnterprise(deps.db, app.enterpriseId),
    findRecommenderUnit(deps.db, version.channelUnitId),
  ]);
  const data = version.data;
  const form = await formOfCampaign(deps.db, campaign!);
  return {
    campaign: {
      title: campaign!.title,
      docNumber: campaign!.docNumber,
      year: campaign!.year,
      wordLimit: campaign!.settings.wordLimit,
      categories: campaign!.settings.categories,
    },
    form,
    data,
    version: {
      applicationId: app.id,
      versionNo,
      submittedAt: version.submittedAt,
      verificationCode: version.verificationCode,
    },
    enterprise: { name: enterprise!.name, uscc: enterprise!.uscc },
    channel: { name: unit!.name },
    attachments: version.attachments,
    images: await imagesOf(deps, app.id, version.attachments),
    industryNames: await industryNames(deps.db, factsOf(form, data).industries),
    regionNames: await regionNames(deps.db),
    verifyUrl: `${deps.config.publicUrl}/verify?code=${encodeURIComponent(version.verificationCode)}`,
    wordCount: version.wordCount,
  };
}

// Bump when the printed layout changes, so earlier renders are not served again.
const PRINT_REVISION = 2; // 2: figures printed, heading styles, QR alternative text

/**
 * A frozen version never changes, so its print is rendered once (a full PDF takes about half a
 * second of CPU) and kept in the file storage beside the attachments.
 */
export async function printVersion(
  deps: Deps,
  app: repo.ApplicationRow,
  versionNo: number,
  format: 'pdf' | 'docx',
) {
  const enterprise = await findEnterprise(deps.db, app.enterpriseId);
  const filename = `申报书-${enterprise!.name}-第${versionNo}版.${format}`;
  const key = `prints/${app.id}/v${versionNo}-r${PRINT_REVISION}.${format}`;
  const cached = await deps.files.get(key).catch((e: unknown) => {
    if (e instanceof FileNotFoundError) return null;
    throw e;
  });
  if (cached) return { bytes: cached, filename };
  const input = await printInputOf(deps, app, versionNo);
  // rendered in a worker thread: a full PDF is about half a second of CPU
  const bytes = await runInWorker(
    deps.config,
    'print',
    format === 'pdf' ? 'applicationPdf' : 'applicationDocx',
    input,
  );
  await deps.files.put(
    key,
    bytes,
    format === 'pdf' ? 'application/pdf' : 'application/octet-stream',
  );
  return { bytes, filename };
}

/** The print of a version of an application the caller may read. */
export async function printApplicationVersion(
  deps: Deps,
  user: SignedInUser,
  id: string,
  versionNo: number,
  format: 'pdf' | 'docx',
) {
  const found = await viewableApplication(deps, user, id);
  return printVersion(deps, found, versionNo, format);
}
