// 代码申诉: a company whose 统一社会信用代码 is registered by someone else files its licence; an
// organizer upholds or dismisses the claim and, upholding, may move the code to a new account.
import { createHash, randomUUID } from 'node:crypto';
import type { UsccClaimInput } from '../../../domain/api/verification';
import { describeUsccProblem, findUsccProblem } from '../../../domain/uscc';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { generatePassword, hashPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import { ACCOUNT_LINK_HOURS, sendPasswordLink, sendsPasswordLinks } from '../auth';
import { findRegion } from '../reference';
import { insertUser, uniqueUserError } from '../users';
import * as repo from './repository';
import { bytesOf, checkProofFile, documentView } from './service';

function fieldError(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] });
}

async function checkRegion(deps: Pick<Deps, 'db'>, provinceCode: string, cityCode: string) {
  const [province, city] = await Promise.all([
    findRegion(deps.db, provinceCode),
    findRegion(deps.db, cityCode),
  ]);
  if (!province || province.level !== 1) throw fieldError('provinceCode', '所选省份不存在');
  if (!city || city.level !== 2 || city.parentCode !== province.code)
    throw fieldError('cityCode', `所选城市不属于${province.name}`);
}

/** Anyone files a claim with its licence; the answer acknowledges it and tells nothing else. */
export async function fileClaim(
  deps: Deps,
  input: UsccClaimInput,
  file: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  const problem = findUsccProblem(input.uscc);
  if (problem && problem.kind !== 'check_digit')
    throw new AppError('USCC_INVALID', {
      message: describeUsccProblem(problem),
      details: [{ path: 'uscc', message: describeUsccProblem(problem) }],
    });
  await checkRegion(deps, input.provinceCode, input.cityCode);
  const detected = checkProofFile(deps, file, '营业执照');
  const docId = randomUUID();
  const storageKey = `claims/${docId}.${detected.ext}`;
  await deps.files.put(storageKey, file.bytes, detected.mime);
  return deps.db
    .transaction(async (tx) => {
      const now = deps.clock.now();
      const holder = await repo.findHolder(tx, input.uscc);
      const doc = await repo.insertDocument(tx, {
        id: docId,
        purpose: 'claim_licence',
        filename: file.filename.slice(0, 200),
        kind: detected.kind,
        mime: detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: '00000000-0000-0000-0000-000000000000', // anonymous
        createdAt: now,
      });
      const claim = await repo.insertClaim(tx, {
        ...input,
        licenceDocumentId: doc.id,
        holderEnterpriseId: holder?.id ?? null,
        ip: actor.ip,
        createdAt: now,
      });
      await recordAudit(
        tx,
        deps.clock,
        { ...actor, label: input.uscc },
        {
          action: 'uscc_claim.file',
          targetType: 'uscc_claim',
          targetId: claim.id,
          after: {
            uscc: claim.uscc,
            enterpriseName: claim.enterpriseName,
            holderEnterpriseId: claim.holderEnterpriseId,
            licenceSha256: doc.sha256,
          },
        },
      );
      return claim;
    })
    .catch(async (err: unknown) => {
      await deps.files.delete(storageKey).catch(() => undefined);
      throw err;
    });
}

type Listing = NonNullable<Awaited<ReturnType<typeof repo.findClaimListing>>>;

export function claimView({ claim, licence, holder }: Listing) {
  return {
    id: claim.id,
    uscc: claim.uscc,
    enterpriseName: claim.enterpriseName,
    provinceCode: claim.provinceCode,
    cityCode: claim.cityCode,
    contactName: claim.contactName,
    phone: claim.phone,
    email: claim.email,
    note: claim.note,
    licence: documentView(licence)!,
    holder: holder
      ? {
          id: holder.id,
          name: holder.name,
          contactName: holder.contactName,
          email: holder.email,
          verificationStatus: holder.verificationStatus,
          releasedAt: holder.releasedAt?.toISOString() ?? null,
        }
      : null,
    state: claim.state,
    decisionReason: claim.decisionReason,
    decidedAt: claim.decidedAt?.toISOString() ?? null,
    movedToEnterpriseId: claim.movedToEnterpriseId,
    createdAt: claim.createdAt.toISOString(),
  };
}

export async function listClaims(deps: Pick<Deps, 'db'>, state?: 'open' | 'upheld' | 'dismissed') {
  return (await repo.listClaims(deps.db, state)).map(claimView);
}

export async function claimLicence(deps: Deps, id: string) {
  const found = await repo.findClaimListing(deps.db, id);
  if (!found) throw new AppError('NOT_FOUND', { message: '未找到该申诉' });
  return { doc: found.licence, bytes: await bytesOf(deps, found.licence) };
}

/**
 * Upheld or dismissed, with a reason. Upheld with `moveCode`: the holder's record is released
 * (its accounts disabled, its applications staying with it), and the claimant gets a new,
 * organizer-verified account with the code and a one-time password.
 */
export async function resolveClaim(
  deps: Deps,
  organizerId: string,
  id: string,
  input: { decision: 'upheld' | 'dismissed'; reason: string; moveCode: boolean },
  actor: Actor,
) {
  // the claimant's new account: a link to set the password by e-mail, else a one-time password
  const byLink = input.moveCode && sendsPasswordLinks(deps);
  const oneTimePassword = input.moveCode && !byLink ? generatePassword() : null;
  const passwordHash = input.moveCode
    ? await hashPassword(oneTimePassword ?? generatePassword(32))
    : null;
  try {
    const account = await deps.db.transaction(async (tx) => {
      const claim = await repo.lockClaim(tx, id);
      if (!claim) throw new AppError('NOT_FOUND', { message: '未找到该申诉' });
      if (claim.state !== 'open')
        throw new AppError('WRONG_STATE', { message: '该申诉已处理，不能再次处理' });
      const now = deps.clock.now();
      let moved: { enterpriseId: string; login: string } | null = null;
      if (input.moveCode) {
        const holder = await repo.findHolder(tx, claim.uscc);
        let released: { id: string; login: string }[] = [];
        let reports = 0;
        if (holder) {
          await repo.lockEnterprise(tx, holder.id);
          released = await repo.releaseHolder(tx, holder.id, now);
          await repo.updateEnterprise(tx, holder.id, {
            verificationStatus: 'rejected',
            verifiedBy: organizerId,
            verifiedByUnitId: null,
            verifiedAt: now,
            verificationReason: `代码申诉成立，统一社会信用代码已转给申诉企业：${input.reason}`,
          });
        }
        const enterprise = await repo.insertEnterprise(tx, {
          name: claim.enterpriseName,
          uscc: claim.uscc,
          provinceCode: claim.provinceCode,
          cityCode: claim.cityCode,
          contactName: claim.contactName,
          phone: claim.phone,
          email: claim.email,
          checkDigitOverrideReason: findUsccProblem(claim.uscc)
            ? `代码申诉核实：${input.reason}`
            : null,
          verificationStatus: 'verified',
          licenceDocumentId: claim.licenceDocumentId,
          verifiedBy: organizerId,
          verifiedByUnitId: null,
          verifiedAt: now,
          createdAt: now,
        });
        await repo.setDocumentOwner(tx, claim.licenceDocumentId, enterprise.id);
        if (holder) reports = await repo.moveFollowUpReports(tx, holder.id, enterprise.id);
        const user = await insertUser(tx, {
          login: claim.uscc,
          email: claim.email,
          name: claim.contactName,
          phone: claim.phone,
          role: 'enterprise',
          passwordHash: passwordHash!,
          mustChangePassword: true,
          enterpriseId: enterprise.id,
        });
        await recordAudit(tx, deps.clock, actor, {
          action: 'enterprise.uscc_move',
          targetType: 'enterprise',
          targetId: enterprise.id,
          before: holder
            ? { enterpriseId: holder.id, name: holder.name, accounts: released.map((a) => a.id) }
            : { enterpriseId: null },
          after: {
            enterpriseId: enterprise.id,
            name: enterprise.name,
            uscc: enterprise.uscc,
            userId: user.id,
            claimId: claim.id,
            followUpReportsMoved: reports,
          },
          note: input.reason,
        });
        if (byLink) {
          const to = await sendPasswordLink(tx, deps, user, 'account_created', actor.ip);
          await recordAudit(tx, deps.clock, actor, {
            action: 'user.password_link_sent',
            targetType: 'user',
            targetId: user.id,
            note: `代码申诉成立，新开通账号：设置密码链接已发送至 ${to}（${ACCOUNT_LINK_HOURS}小时内有效）`,
          });
        }
        moved = { enterpriseId: enterprise.id, login: user.login };
      }
      await repo.updateClaim(tx, claim.id, {
        state: input.decision,
        decisionReason: input.reason,
        decidedBy: organizerId,
        decidedAt: now,
        movedToEnterpriseId: moved?.enterpriseId ?? null,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: input.decision === 'upheld' ? 'uscc_claim.uphold' : 'uscc_claim.dismiss',
        targetType: 'uscc_claim',
        targetId: claim.id,
        before: { state: 'open' },
        after: {
          state: input.decision,
          uscc: claim.uscc,
          movedToEnterpriseId: moved?.enterpriseId ?? null,
        },
        note: input.reason,
      });
      if (!moved) return null;
      return byLink
        ? { login: moved.login, linkSentTo: claim.email }
        : { login: moved.login, oneTimePassword: oneTimePassword! };
    });
    const claim = claimView((await repo.findClaimListing(deps.db, id))!);
    return { claim, account };
  } catch (e) {
    if (isUniqueViolation(e, 'enterprises_uscc') || isUniqueViolation(e, 'users_login'))
      throw new AppError('CONFLICT', { message: '该代码刚被其他账号占用，请刷新后重试' });
    throw uniqueUserError(e) ?? e;
  }
}
