// 专家库: experts added one by one or imported from XLSX (all or nothing), each with an expert
// account opened as an organizer opens any staff account (a link to set the password when the
// platform sends e-mail, else a one-time password shown once).
import { createHash, randomInt } from 'node:crypto';
import type { CreateExpertInput, UpdateExpertInput } from '../../../domain/experts';
import { EXPERT_IMPORT_COLUMNS } from '../../../domain/experts';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { ExcelJS, workbookBytes } from '../../lib/xlsx';
import { recordAudit } from '../audit';
import { readImportSheet } from '../awards';
import {
  lockUserRow,
  openStaffAccount,
  staffCredentials,
  uniqueUserError,
  updateUserRow,
  type StaffCredentials,
} from '../users';
import {
  checkExpertRows,
  dataRows,
  mapHeader,
  MAX_EXPERT_ROWS,
  type ImportProblem,
} from './import-rows';
import { industryCode, knownIndustries, loadReferences, referenceIssues } from './references';
import * as repo from './repository';

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * An expert account's login: the expert's mobile number when one is given and no account holds
 * it, else `zj` and eight random digits. Either way the expert may also sign in with the e-mail.
 */
function loginFor(phone: string | undefined, taken: Set<string>): string {
  if (phone && MOBILE.test(phone) && !taken.has(phone)) return phone;
  for (;;) {
    const login = `zj${String(randomInt(100_000_000)).padStart(8, '0')}`;
    if (!taken.has(login)) return login;
  }
}

const invalid = (details: { path: string; message: string }[]) =>
  new AppError('VALIDATION_FAILED', { message: details[0]!.message, details });

/** The codes as the table keeps them (C3451 → 3451). */
const normalised = <T extends { industries?: string[] }>(input: T): T =>
  input.industries
    ? { ...input, industries: [...new Set(input.industries.map(industryCode))] }
    : input;

/** The expert's row and account in the caller's transaction. */
async function openExpert(
  tx: Db,
  deps: Deps,
  input: CreateExpertInput,
  login: string,
  credentials: StaffCredentials,
  actor: Actor,
) {
  const user = await openStaffAccount(
    tx,
    deps,
    { role: 'expert', login, name: input.name, email: input.email, phone: input.phone },
    credentials,
    actor,
  );
  const now = deps.clock.now();
  const expert = await repo.insertExpert(tx, {
    userId: user.id,
    name: input.name,
    employerName: input.employerName,
    employerUscc: input.employerUscc ?? null,
    title: input.title,
    regionCode: input.regionCode,
    categories: input.categories,
    industries: input.industries,
    focusAreas: input.focusAreas,
    conflictEnterprises: input.conflictEnterprises,
    conflictUnitIds: input.conflictUnitIds,
    phone: input.phone ?? '',
    email: input.email,
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  return { user, expert };
}

/** createExpert: one expert and the account. */
export async function createExpert(deps: Deps, raw: CreateExpertInput, actor: Actor) {
  const input = normalised(raw);
  const refs = await loadReferences(deps.db);
  const issues = await referenceIssues(deps.db, refs, input);
  if (issues.length) throw invalid(issues);
  const taken = await repo.takenLoginsAndEmails(deps.db, input.phone ? [input.phone] : [], []);
  const login = loginFor(input.phone, taken.logins);
  const credentials = await staffCredentials(deps);
  try {
    const { user, expert } = await deps.db.transaction(async (tx) => {
      const opened = await openExpert(tx, deps, input, login, credentials, actor);
      await recordAudit(tx, deps.clock, actor, {
        action: 'expert.create',
        targetType: 'expert',
        targetId: opened.expert.id,
        after: auditFields(opened.expert),
      });
      return opened;
    });
    return {
      expert: (await repo.findExpertListing(deps.db, expert.id))!,
      login: user.login,
      oneTimePassword: credentials.oneTimePassword,
      linkSentTo: credentials.byLink ? user.email : undefined,
    };
  } catch (e) {
    throw uniqueUserError(e) ?? e;
  }
}

/** What an audit row keeps of an expert: the fields given (its before or after). */
function auditFields(e: Partial<repo.ExpertRow>) {
  const out: Record<string, unknown> = {};
  for (const k of [
    'name',
    'employerName',
    'employerUscc',
    'title',
    'regionCode',
    'categories',
    'industries',
    'focusAreas',
    'conflictEnterprises',
    'conflictUnitIds',
    'phone',
    'email',
    'active',
  ] as const)
    if (e[k] !== undefined) out[k === 'title' ? 'expertTitle' : k] = e[k]; // 'title' names a campaign's
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * updateExpert: any field; the name, phone and e-mail are the account's too (changed with it).
 * `active: false` takes the expert out of future proposals; the account stays (an organizer
 * disables it under 账号管理) so pairs already published can still be reviewed or declined.
 */
export async function updateExpert(deps: Deps, id: string, raw: UpdateExpertInput, actor: Actor) {
  const input = normalised(raw);
  const refs = await loadReferences(deps.db);
  const issues = await referenceIssues(deps.db, refs, input);
  if (issues.length) throw invalid(issues);
  try {
    await deps.db.transaction(async (tx) => {
      const before = await repo.lockExpert(tx, id);
      if (!before) throw new AppError('NOT_FOUND', { message: '专家不存在' });
      const next: Partial<repo.ExpertRow> = {
        ...input,
        employerUscc: input.employerUscc === undefined ? undefined : input.employerUscc,
        phone: input.phone === undefined ? undefined : (input.phone ?? ''),
      };
      const changes = Object.fromEntries(
        Object.entries(next).filter(
          ([k, v]) => v !== undefined && !same(before[k as keyof repo.ExpertRow], v),
        ),
      ) as Partial<repo.ExpertRow>;
      if (Object.keys(changes).length === 0) return;
      await repo.updateExpertRow(tx, id, { ...changes, updatedAt: deps.clock.now() });
      const account: { name?: string; phone?: string | null; email?: string } = {};
      if (changes.name !== undefined) account.name = changes.name;
      if (changes.phone !== undefined) account.phone = changes.phone || null;
      if (changes.email !== undefined) account.email = changes.email;
      if (Object.keys(account).length) {
        await lockUserRow(tx, before.userId);
        await updateUserRow(tx, before.userId, account);
      }
      const onlyActive = Object.keys(changes).length === 1 && changes.active !== undefined;
      await recordAudit(tx, deps.clock, actor, {
        action: onlyActive
          ? changes.active
            ? 'expert.activate'
            : 'expert.deactivate'
          : 'expert.update',
        targetType: 'expert',
        targetId: id,
        before: auditFields(
          Object.fromEntries(
            Object.keys(changes).map((k) => [k, before[k as keyof repo.ExpertRow]]),
          ),
        ),
        after: auditFields(changes),
      });
    });
  } catch (e) {
    throw uniqueUserError(e) ?? e;
  }
  return (await repo.findExpertListing(deps.db, id))!;
}

export function listExperts(
  deps: Pick<Deps, 'db'>,
  f: repo.ExpertFilter & { page: number; pageSize: number },
) {
  return repo.listExpertRows(deps.db, f);
}

export async function getExpert(deps: Pick<Deps, 'db'>, id: string) {
  const row = await repo.findExpertListing(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '专家不存在' });
  return row;
}

const rejected = (total: number, problems: ImportProblem[]) =>
  new AppError('IMPORT_REJECTED', {
    message: `导入文件中有${new Set(problems.map((p) => p.row)).size}行不符合要求，全部未导入；请按逐行说明修改后重新导入`,
    details: { total, problems: problems.sort((a, b) => a.row - b.row) },
  });

/**
 * importExperts: every row becomes an expert with an account, or — any bad row — none does and
 * the answer names every bad row. One audit row records the file (each account has its own).
 */
export async function importExperts(
  deps: Deps,
  file: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  const sheet = await readImportSheet(file.bytes);
  const [header] = sheet.rows;
  if (!header) throw new AppError('FILE_REJECTED', { message: '文件中没有内容：第1行应为列名' });
  const { map, problems: headerProblems } = mapHeader(header.cells, header.rowNo);
  const rows = dataRows(sheet.rows, map);
  if (headerProblems.length) throw rejected(rows.length, headerProblems);
  if (rows.length === 0)
    throw new AppError('FILE_REJECTED', { message: '文件中只有列名，没有专家' });
  if (rows.length > MAX_EXPERT_ROWS)
    throw new AppError('FILE_REJECTED', {
      message: `一次最多导入${MAX_EXPERT_ROWS}位专家，本文件有${rows.length}行：请分成几个文件导入`,
    });

  const refs = await loadReferences(deps.db);
  const col = map.index.industries;
  const codes =
    col === undefined
      ? []
      : rows.flatMap((r) =>
          (r.cells[col] ?? '')
            .split(/[、，,；;\n\r/]+/)
            .map((c) => c.trim())
            .filter(Boolean)
            .map(industryCode),
        );
  const emails = rows
    .map((r) => (map.index.email === undefined ? '' : (r.cells[map.index.email] ?? '').trim()))
    .filter(Boolean)
    .map((e) => e.toLowerCase());
  const before = await repo.takenLoginsAndEmails(deps.db, [], emails);
  const checked = checkExpertRows(rows, map, refs, await knownIndustries(deps.db, codes), before);
  if (checked.problems.length) throw rejected(rows.length, checked.problems);

  // logins: the mobile numbers no account holds (nor an earlier row), else generated
  const phones = checked.candidates.map((c) => c.input.phone).filter((p): p is string => !!p);
  const takenLogins = (await repo.takenLoginsAndEmails(deps.db, phones, [])).logins;
  const logins = checked.candidates.map((c) => {
    const login = loginFor(c.input.phone, takenLogins);
    takenLogins.add(login);
    return login;
  });
  const credentials = await Promise.all(checked.candidates.map(() => staffCredentials(deps)));
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  try {
    return await deps.db.transaction(async (tx) => {
      const accounts = [];
      for (const [i, c] of checked.candidates.entries()) {
        const { user, expert } = await openExpert(
          tx,
          deps,
          c.input,
          logins[i]!,
          credentials[i]!,
          actor,
        );
        accounts.push({
          row: c.rowNo,
          expertId: expert.id,
          name: expert.name,
          email: user.email,
          login: user.login,
          oneTimePassword: credentials[i]!.oneTimePassword,
          linkSentTo: credentials[i]!.byLink ? user.email : undefined,
        });
      }
      await recordAudit(tx, deps.clock, actor, {
        action: 'expert.import',
        targetType: 'expert',
        after: {
          imported: accounts.length,
          filename: file.filename,
          format: sheet.format,
          size: file.bytes.length,
          sha256,
        },
      });
      return { imported: accounts.length, total: rows.length, accounts };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'users_login') || isUniqueViolation(e, 'users_email'))
      throw new AppError('CONFLICT', {
        message:
          '导入期间有账号同时占用了文件中的登录名或电子邮箱，本次全部未导入：请重新导入以查看逐行说明',
      });
    throw e;
  }
}

export const TEMPLATE_FILENAME = '专家库导入模板.xlsx';

/** The import template: the header row, and a sheet of notes with the categories and focus areas. */
export async function importTemplate(deps: Pick<Deps, 'db'>): Promise<Buffer> {
  const refs = await loadReferences(deps.db);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家信息');
  ws.addRow(EXPERT_IMPORT_COLUMNS.map((c) => (c.required ? `* ${c.zh}` : c.zh)));
  ws.getRow(1).font = { bold: true, name: '宋体' };
  EXPERT_IMPORT_COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(12, c.zh.length * 2 + 6);
    column.numFmt = '@'; // codes and phone numbers stay text
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '说明']);
  notes.getRow(1).font = { bold: true, name: '宋体' };
  for (const c of EXPERT_IMPORT_COLUMNS) notes.addRow([c.zh, c.required ? '必填' : '选填', c.hint]);
  notes.addRow([]);
  notes.addRow(['申报类别', '代码', '聚焦领域']);
  notes.lastRow!.font = { bold: true, name: '宋体' };
  const campaigns = [...refs.categories];
  for (const [code, name] of campaigns) notes.addRow([name, code, '']);
  notes.addRow(['聚焦领域（可选值）', '', [...refs.focusAreas].join('、')]);
  notes.getColumn(1).width = 24;
  notes.getColumn(2).width = 22;
  notes.getColumn(3).width = 80;
  return workbookBytes(wb);
}
