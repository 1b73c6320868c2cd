import { buildApp } from './app';
import { openConfiguredDatabase } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/lock';
import { DEMO_PASSWORD } from './db/seed/demo';
import { systemClock } from './lib/clock';
import { startAuditCheckpoints } from './modules/audit';
import { startBackground, type Background } from './background';
import { storageFromConfig } from './storage';
import { requestsInFlight } from './lib/observability';

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const { database, demoAccounts } = await openConfiguredDatabase(config, systemClock, {
    demo: true,
  });
  const deps = { db: database.db, clock: systemClock, config, files: storageFromConfig(config) };
  const app = await buildApp(deps);
  let stopCheckpoints = () => {};
  let background: Background | undefined;

  // SIGTERM (a rolling upgrade, `docker stop`, systemd): stop taking requests — the listening socket
  // closes, so a proxy sends new ones to another node, and idle keep-alive connections end —, let
  // the requests in flight finish and the background jobs end their current step, then exit. After
  // SHUTDOWN_GRACE_SECONDS the process exits anyway.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.warn({ signal }, '正在停止：不再接受新请求，处理完进行中的请求后退出 / closing');
    const force = setTimeout(() => {
      app.log.error('停止超时，强制退出 / grace period over: exiting with requests unfinished');
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000);
    force.unref();
    stopCheckpoints();
    const since = performance.now();
    // what is still being answered, every 2 s until done (an operator's answer to "why so long")
    const report = setInterval(() => {
      app.log.warn({ inFlight: requestsInFlight(app) }, '仍在处理 / still answering');
    }, 2000);
    report.unref();
    const took = async (what: string, work: Promise<unknown> | undefined) => {
      await work?.catch(() => {});
      const ms = Math.round(performance.now() - since);
      app.log.warn({ ms }, `${what} / ${what === '请求' ? 'requests' : 'jobs'} done`);
      return ms;
    };
    const [requestsMs, jobsMs] = await Promise.all([
      took('请求', app.close()),
      took('后台任务', background?.stop()),
    ]);
    await database.close().catch(() => {});
    app.log.warn(
      { requestsMs, jobsMs, totalMs: Math.round(performance.now() - since) },
      '已停止 / stopped',
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // the audit chain's head, anchored in the file storage: now and every AUDIT_CHECKPOINT_MINUTES
  stopCheckpoints = startAuditCheckpoints(deps, config.auditCheckpointMinutes, app.log);
  // e-mail delivery and reminders (pg-boss), unless WORKERS=0 (another process runs them)
  if (config.workers) background = await startBackground(database, deps, app.log);
  const where =
    database.kind === 'pglite'
      ? `内置数据库 embedded PGlite: ${config.dataDir}`
      : 'PostgreSQL (DATABASE_URL)';
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.server.address() as { port: number }).port}`;
  console.log(
    `\n征选 Zhengxuan 已启动 / running at ${url}  (${where}; ready in ${Math.round(performance.now() - started)} ms)`,
  );
  console.log(
    config.smtpUrl
      ? `邮件通知已开启 e-mail on: ${config.smtpUrl.replace(/\/\/[^@/]*@/, '//***@')}, from ${config.mailFrom}${config.workers ? '' : ' (WORKERS=0: sent by another process)'}`
      : '邮件通知未开启 e-mail off: SMTP_URL is not set (站内消息照常 in-app messages still work)',
  );
  if (demoAccounts.length) {
    console.log(`\n已创建演示账号 Demo accounts (password 密码: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.login.padEnd(20)} ${a.who}`);
    console.log(
      '\n修改密码 Change them: sign in and use「修改密码」, or\n' +
        '  npm run admin -- reset-password --login <login>   (while the server is stopped, on the embedded database)\n' +
        '演示账号仅供体验，正式部署请设置 DATABASE_URL，并不要开启 DEMO_ACCOUNTS。\n',
    );
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
