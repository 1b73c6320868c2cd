// npm run admin -- <command> [options]: account and audit administration from the shell.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createStaffUserSchema, passwordSchema } from '../../domain/accounts';
import { openConfiguredDatabase } from '../bootstrap';
import { ConfigError, loadConfig } from '../config';
import { DataDirLockedError } from '../db/lock';
import { ExportMismatchError, ExportRefusedError } from '../db/export-data';
import { runExportData, type ExportDataOptions } from './export-data';
import { seedDemoAccounts, seedDemoCampaign, DEMO_PASSWORD } from '../db/seed/demo';
import { ScaleSeededError, seedScale } from '../db/seed/scale';
import type { Actor } from '../lib/actor';
import { systemClock } from '../lib/clock';
import { storageFromConfig } from '../storage';
import type { Deps } from '../lib/deps';
import { runDupCheck } from '../lib/duplicates/cli';
import { DuplicateInputError } from '../lib/duplicates/files';
import { AppError } from '../lib/errors';
import { auditVerdictText, verifyAudit, writeAuditCheckpoint } from '../modules/audit';
import { findUserForSignIn } from '../modules/auth';
import {
  findRecommenderUnit,
  findRecommenderUnitByName,
  listRecommenderUnits,
} from '../modules/recommender-units';
import { createStaffUser, listUsers, resetPassword, updateUser } from '../modules/users';

const HELP = `征选 Zhengxuan 管理命令 / admin commands
  npm run admin -- create-user --role recommender|expert|organizer --login NAME --name 姓名 --email E
                   [--unit 北京市 | --unit-id UUID] [--phone P] [--password P]
  npm run admin -- reset-password --login NAME [--password P]   (default: a printed one-time password)
  npm run admin -- disable-user --login NAME | enable-user --login NAME
  npm run admin -- list-users [--role ROLE]
  npm run admin -- list-units
  npm run admin -- audit-verify        exit 0 when the audit log is intact, 1 when not: the hash chain,
                   compared with every checkpoint in the file storage (truncation, rewriting), and
                   every application's state against its audit history
  npm run admin -- audit-checkpoint    write a checkpoint of the chain's head to the file storage now
  npm run admin -- seed-demo           demo campaign and accounts (e.g. on a configured PostgreSQL)
  npm run admin -- seed-scale [--campaigns 5] [--applications 100000] [--seed 1]
                   规模测试数据（基准测试、人工检查用，勿用于生产库）/ scale data for benches and manual
                   checks: 2021 and the years before it, enterprises, filings, awards, 附件4; once per database
  npm run admin -- dup-check --awards AWARDS.csv --applications APPS.jsonl
                   重复申报检查，每条发现一行 JSON / duplicate check, one JSON line per finding (no database)
  npm run admin -- export-data --to postgres://USER@HOST:5432/DB [--files-to-s3 | --files-dir DIR] [--dry-run]
                   内置数据库（DATA_DIR）整体迁入一个空的 PostgreSQL 库，一个事务，逐表核对，审计链在目标库上校验
                   / the embedded database into an EMPTY PostgreSQL database in one transaction, every
                   table compared, the audit chain verified on the target; files: --files-to-s3 copies
                   FILES_DIR to the bucket of the S3_* variables, --files-dir to a folder, neither: they stay.
                   --dry-run: counts and checks only, writes nothing. Exit 0 done, 1 mismatch (rolled back), 2 refused
Uses the same DATA_DIR / DATABASE_URL as the server. On the embedded database stop the server first.`;

class UsageError extends Error {}

function need(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (!v) throw new UsageError(`缺少参数 --${name} / missing --${name}`);
  return v;
}

async function userIdOf(deps: Deps, login: string): Promise<string> {
  const user = await findUserForSignIn(deps.db, login);
  if (!user) throw new UsageError(`没有登录名为 ${login} 的账号 / no such account`);
  return user.id;
}

async function run(
  command: string,
  values: Record<string, string | undefined>,
  deps: Deps,
  actor: Actor,
): Promise<number> {
  switch (command) {
    case 'create-user': {
      let unitId = values['unit-id'];
      if (values.unit) {
        const unit = await findRecommenderUnitByName(deps.db, values.unit);
        if (!unit)
          throw new UsageError(`没有名为 ${values.unit} 的推荐单位 / no such recommending unit`);
        unitId = unit.id;
      } else if (unitId && !(await findRecommenderUnit(deps.db, unitId))) {
        throw new UsageError(`没有编号为 ${unitId} 的推荐单位`);
      }
      const input = createStaffUserSchema.safeParse({
        role: values.role,
        login: values.login,
        name: values.name,
        email: values.email,
        phone: values.phone,
        recommenderUnitId: unitId,
        password: values.password,
      });
      if (!input.success)
        throw new UsageError(
          input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
        );
      const { user, oneTimePassword } = await createStaffUser(deps, input.data, actor, {
        oneTimePassword: true,
      });
      console.log(
        `已创建 created: ${user.login} (${user.role}${user.recommenderUnitName ? `, ${user.recommenderUnitName}` : ''})`,
      );
      if (oneTimePassword)
        console.log(
          `一次性密码 one-time password: ${oneTimePassword}  （首次登录须修改 must be changed at first sign-in）`,
        );
      return 0;
    }
    case 'reset-password': {
      const id = await userIdOf(deps, need(values, 'login'));
      if (values.password) {
        const check = passwordSchema.safeParse(values.password);
        if (!check.success) throw new UsageError(check.error.issues[0]!.message);
      }
      const { oneTimePassword } = await resetPassword(deps, id, actor, values.password, {
        oneTimePassword: true,
      });
      console.log(
        `密码已重置 password reset. ${values.password ? '' : `一次性密码 one-time password: ${oneTimePassword}`}`,
      );
      return 0;
    }
    case 'disable-user':
    case 'enable-user': {
      const id = await userIdOf(deps, need(values, 'login'));
      const user = await updateUser(
        deps,
        id,
        { status: command === 'disable-user' ? 'disabled' : 'active' },
        actor,
      );
      console.log(`${user.login}: ${user.status}`);
      return 0;
    }
    case 'list-users': {
      const role = values.role as Parameters<typeof listUsers>[1]['role'];
      for (const u of await listUsers(deps, { role })) {
        console.log(
          [u.login, u.role, u.status, u.name, u.enterpriseName ?? u.recommenderUnitName ?? ''].join(
            '\t',
          ),
        );
      }
      return 0;
    }
    case 'list-units': {
      for (const u of await listRecommenderUnits(deps, { includeInactive: true })) {
        console.log(
          [u.name, u.type, `quota ${u.quota ?? '-'}`, u.active ? 'active' : 'disabled', u.id].join(
            '\t',
          ),
        );
      }
      return 0;
    }
    case 'audit-verify': {
      const v = await verifyAudit(deps);
      (v.ok ? console.log : console.error)(auditVerdictText(v));
      return v.ok ? 0 : 1;
    }
    case 'audit-checkpoint': {
      const c = await writeAuditCheckpoint(deps, actor.label);
      console.log(
        c
          ? `审计检查点已写入 checkpoint written: ${c.key}\n  ${c.count} rows, last id ${c.lastId}, hash ${c.hash}`
          : '审计日志为空，无需检查点 the audit log is empty',
      );
      return 0;
    }
    case 'seed-demo': {
      await seedDemoCampaign(deps);
      const created = await seedDemoAccounts(deps);
      console.log(
        created.length
          ? `演示账号 demo accounts (password ${DEMO_PASSWORD}): ${created.map((a) => a.login).join(', ')}`
          : '演示账号已存在 demo accounts exist already',
      );
      return 0;
    }
    case 'seed-scale': {
      const count = (name: string, fallback: number, min: number, max: number) => {
        const raw = values[name];
        const n = raw === undefined ? fallback : Number(raw);
        if (!Number.isInteger(n) || n < min || n > max)
          throw new UsageError(
            `--${name} 须为 ${min}–${max} 的整数 / must be an integer ${min}–${max}`,
          );
        return n;
      };
      const totals = await seedScale(deps, {
        campaigns: count('campaigns', 5, 1, 15),
        applications: count('applications', 100_000, 1, 2_000_000),
        seed: count('seed', 1, 0, 2 ** 31 - 1),
        log: (line) => console.log(line),
      });
      const n = totals.rows.applications;
      console.log(
        [
          `完成 done in ${totals.seconds.toFixed(1)} s (${Math.round(n / totals.seconds)} applications/s)`,
          ...totals.campaigns.map((c) => `  ${c.year} ${c.code}: ${c.applications} applications`),
          ...Object.entries(totals.rows).map(([t, k]) => `  ${t}: ${k}`),
          `  states: ${Object.entries(totals.states)
            .sort((a, b) => b[1] - a[1])
            .map(([s, k]) => `${s} ${k}`)
            .join(', ')}`,
        ].join('\n'),
      );
      return 0;
    }
    default:
      throw new UsageError(`未知命令 unknown command: ${command}`);
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      ...Object.fromEntries(
        [
          'role',
          'login',
          'name',
          'email',
          'phone',
          'unit',
          'unit-id',
          'password',
          'awards',
          'applications',
          'campaigns',
          'seed',
          'to',
          'files-dir',
        ].map((k) => [k, { type: 'string' as const }]),
      ),
      'dry-run': { type: 'boolean' },
      'files-to-s3': { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  if (command === 'dup-check') {
    runDupCheck(values as { awards?: string; applications?: string });
    return 0;
  }
  const config = loadConfig();
  if (command === 'export-data') return runExportData(config, values as ExportDataOptions);
  const { database } = await openConfiguredDatabase(config, systemClock, { demo: false });
  const actor: Actor = {
    userId: null,
    role: 'system',
    label: `cli:${os.userInfo().username}`,
    ip: null,
  };
  try {
    return await run(
      command,
      values as Record<string, string | undefined>,
      { db: database.db, clock: systemClock, config, files: storageFromConfig(config) },
      actor,
    );
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (
      e instanceof UsageError ||
      e instanceof ConfigError ||
      e instanceof DataDirLockedError ||
      e instanceof DuplicateInputError ||
      e instanceof ScaleSeededError ||
      e instanceof ExportRefusedError
    ) {
      console.error(e.message);
      if (e instanceof ExportRefusedError && e.verdict) console.error(auditVerdictText(e.verdict));
      if (e instanceof UsageError) console.error(`\n${HELP}`);
    } else if (e instanceof ExportMismatchError) {
      // the target's transaction was rolled back: it is as empty as before
      console.error(e.message);
      if (e.verdict) console.error(auditVerdictText(e.verdict));
      process.exit(1);
    } else if (e instanceof AppError) {
      console.error(`${e.code}: ${e.message}`);
    } else {
      console.error(e);
    }
    process.exit(2);
  },
);
