import { formOf } from '../../../domain/forms';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { findCampaign } from '../campaigns/repository';
import { findEnterprise } from '../enterprises/repository';
import { findRecommenderUnit } from '../recommender-units/repository';
import { renderApplicationDocx } from '../printing/docx';
import { renderApplicationPdf } from '../printing/pdf';
import type { PrintInput } from '../printing/types';
import { industryNames, regionNames } from '../reference/repository';
import * as repo from './repository';

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
  const industries = ((data.solution as { industries?: unknown } | undefined)?.industries ??
    []) as string[];
  return {
    campaign: {
      title: campaign!.title,
      docNumber: campaign!.docNumber,
      year: campaign!.year,
      wordLimit: campaign!.settings.wordLimit,
      categories: campaign!.settings.categories,
    },
    form: formOf(campaign!.settings),
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
    industryNames: await industryNames(
      deps.db,
      Array.isArray(industries) ? industries.filter((x) => typeof x === 'string') : [],
    ),
    regionNames: await regionNames(deps.db),
    verifyUrl: `${deps.config.publicUrl}/verify?code=${encodeURIComponent(version.verificationCode)}`,
    wordCount: version.wordCount,
  };
}

export async function printVersion(
  deps: Deps,
  app: repo.ApplicationRow,
  versionNo: number,
  format: 'pdf' | 'docx',
) {
  const input = await printInputOf(deps, app, versionNo);
  const bytes =
    format === 'pdf' ? await renderApplicationPdf(input) : await renderApplicationDocx(input);
  return { bytes, filename: `申报书-${input.enterprise.name}-第${versionNo}版.${format}` };
}
