// The container image and the multi-node setup, checked for what can be checked without a
// container runtime (none on the machine that wrote them): the Dockerfile's instructions, base
// image, user, copied files and start command; the compose file's services and the environment
// the server accepts; nginx's configuration (`nginx -t`, where Debian's nginx is installed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../server/config';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

// ---------------------------------------------------------------- Dockerfile

const INSTRUCTIONS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);

interface Instruction {
  line: number;
  name: string;
  args: string;
}

/** Instructions with their continuation lines joined; comments and blank lines dropped. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\')) {
      line = line.slice(0, -1) + ' ' + (lines[++i] ?? '').trim();
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    expect(m, `line ${start + 1} is not an instruction: ${line}`).not.toBeNull();
    out.push({ line: start + 1, name: m![1]!.toUpperCase(), args: m![2]!.trim() });
  }
  return out;
}

/** Stages: FROM image [AS name] and the instructions after it. */
function stagesOf(instructions: Instruction[]) {
  const stages: { image: string; name?: string; steps: Instruction[] }[] = [];
  for (const ins of instructions) {
    if (ins.name === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      expect(m, `FROM on line ${ins.line}`).not.toBeNull();
      stages.push({ image: m![1]!, name: m![2], steps: [] });
    } else {
      expect(stages.length, `${ins.name} before any FROM (line ${ins.line})`).toBeGreaterThan(0);
      stages.at(-1)!.steps.push(ins);
    }
  }
  return stages;
}

/** COPY/ADD's flags, sources and destination (shell form). */
function copyOf(ins: Instruction) {
  const words = ins.args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const rest = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: rest.slice(0, -1), dest: rest.at(-1)! };
}

/** The start script's last command: what runs once the build steps are done. */
const startCommand = () => pkg.scripts.start!.split('&&').at(-1)!.trim();

describe('Dockerfile', () => {
  const instructions = parseDockerfile(read('Dockerfile'));
  const stages = stagesOf(instructions);
  const runtime = stages.at(-1)!;

  test('every instruction is one Docker knows; every stage is on Node 24 LTS (Debian slim)', () => {
    for (const ins of instructions)
      expect(INSTRUCTIONS.has(ins.name), `${ins.name} (line ${ins.line})`).toBe(true);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s.image).toBe('node:24-bookworm-slim');
  });

  test('the build stage builds the web and the server bundle; the runtime has production dependencies only', () => {
    const build = stages.find((s) => s.name === 'build')!;
    const runs = build.steps.filter((i) => i.name === 'RUN').map((i) => i.args);
    expect(runs.join(' && ')).toContain('npm run build');
    expect(runs.join(' && ')).toContain(pkg.scripts['build:server']!.replace(/^node /, ''));
    const copies = runtime.steps.filter((i) => i.name === 'COPY').map(copyOf);
    const modules = copies.find((c) => c.dest.replace(/\/$/, '').endsWith('node_modules'))!;
    const deps = stages.find((s) => s.name === modules.from)!;
    expect(deps.steps.some((i) => i.name === 'RUN' && /npm ci .*--omit=dev/.test(i.args))).toBe(
      true,
    );
    expect(copies.filter((c) => c.from === 'build').map((c) => c.sources[0])).toEqual(
      expect.arrayContaining(['/app/dist-server', '/app/web/dist']),
    );
    for (const c of copies)
      if (c.from)
        expect(
          stages.some((s) => s.name === c.from),
          `stage ${c.from}`,
        ).toBe(true);
  });

  test('every file copied from the project exists and is not left out by .dockerignore', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const copies = stages.flatMap((s) =>
      s.steps.filter((i) => i.name === 'COPY' || i.name === 'ADD').map(copyOf),
    );
    const own = copies.filter((c) => !c.from).flatMap((c) => c.sources);
    expect(own.length).toBeGreaterThan(3);
    for (const src of own) {
      expect(fs.existsSync(path.join(root, src)), `${src} exists`).toBe(true);
      if (src !== '.') expect(ignored, `${src} is ignored`).not.toContain(src.split('/')[0]);
    }
    // what the server reads from the project's folder at run time is in the image
    const runtimeFiles = runtime.steps
      .filter((i) => i.name === 'COPY')
      .map(copyOf)
      .filter((c) => !c.from)
      .flatMap((c) => c.sources);
    const readAtRunTime = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
          for (const m of read(p).matchAll(/projectPath\(\s*'([^']+)'/g)) readAtRunTime.add(m[1]!);
      }
    };
    walk('server');
    expect([...readAtRunTime].sort()).toEqual(
      expect.arrayContaining(['server/db/migrations', 'server/db/seed/data']),
    );
    for (const p of readAtRunTime)
      expect(
        runtimeFiles.some((src) => p === src || p.startsWith(`${src}/`)),
        `${p} in the image`,
      ).toBe(true);
  });

  test('the packages the server bundle imports are production dependencies', () => {
    const imported = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
          for (const m of read(p).matchAll(
            /^(?:import|export)\s[^'"=;()]*?\bfrom\s+'([^'.][^']*)'/gm,
          )) {
            if (/^import type /.test(m[0])) continue;
            const spec = m[1]!;
            if (spec.startsWith('node:')) continue;
            imported.add(
              spec
                .split('/')
                .slice(0, spec.startsWith('@') ? 2 : 1)
                .join('/'),
            );
          }
      }
    };
    // the bundle's entries: server/main.ts and the worker threads, with domain/; not the CLI or tests
    for (const dir of ['server', 'domain']) walk(dir);
    const cliOnly = new Set(['tsx']); // npm run admin runs from the sources, as npm start does not
    const missing = [...imported].filter((p) => !(p in pkg.dependencies) && !cliOnly.has(p));
    expect(missing).toEqual([]);
  });

  test('runs as a non-root user, answers its health check on /api/ready, starts as `npm start` does', () => {
    const users = runtime.steps.filter((i) => i.name === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1)!.args);
    const health = runtime.steps.find((i) => i.name === 'HEALTHCHECK')!;
    expect(health.args).toContain('/api/ready');
    const cmd = runtime.steps.filter((i) => i.name === 'CMD').at(-1)!;
    expect((JSON.parse(cmd.args) as string[]).join(' ')).toBe(startCommand());
    expect(startCommand()).toBe('node --enable-source-maps dist-server/main.js');
    // the README's start command is the same script
    expect(read('README.md')).toContain('node --enable-source-maps dist-server/main.js');
  });
});

// ---------------------------------------------------------------- compose

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  command?: string[];
};

/** Compose's ${VAR}, ${VAR:-default}, ${VAR:?message}: defaults taken, required ones given. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind, rest) =>
    kind === '-' ? rest : `given-${name.toLowerCase()}-0123456789`,
  );
}

describe('deploy/compose.yaml', () => {
  const compose = parseYaml(read('deploy/compose.yaml'), { merge: true }) as {
    services: Record<string, Service>;
  };
  const services = compose.services;

  test('PostgreSQL 15+, MinIO with its bucket, two app nodes from the Dockerfile, nginx with deploy/nginx.conf', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'minio', 'app1', 'app2', 'nginx']),
    );
    const pgMajor = Number(/^postgres:(\d+)/.exec(services.postgres!.image!)?.[1]);
    expect(pgMajor).toBeGreaterThanOrEqual(15);
    for (const name of ['app1', 'app2']) {
      const s = services[name]!;
      expect(fs.existsSync(path.join(root, 'deploy', s.build!.context, s.build!.dockerfile))).toBe(
        true,
      );
      expect(Object.keys(s.depends_on ?? {})).toEqual(expect.arrayContaining(['postgres']));
    }
    const mount = services.nginx!.volumes!.find((v) => v.startsWith('./nginx.conf:'))!;
    expect(mount).toBeDefined();
    expect(services.nginx!.command!.join(' ')).toContain(`-c ${mount.split(':')[1]}`);
  });

  test("the nodes' environment is what server/config.ts accepts, for PostgreSQL, S3 and a proxy", () => {
    for (const name of ['app1', 'app2']) {
      const env = services[name]!.environment!;
      const unknown = Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k));
      expect(unknown, `${name}: variables the server does not read`).toEqual([]);
      const given = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v)]));
      const config = loadConfig(given);
      expect(config.databaseUrl).toMatch(/^postgres:\/\/zhengxuan:.+@postgres:5432\/zhengxuan$/);
      expect(config.s3).toMatchObject({ endpoint: 'http://minio:9000', bucket: 'zhengxuan' });
      expect(config.trustProxy).toBe(true);
      expect(config.host).toBe('0.0.0.0');
      expect(config.port).toBe(3000);
      expect(config.metricsToken).toBeDefined();
      expect(config.workers).toBe(true);
      expect(Object.keys(env)).toEqual(expect.arrayContaining(['COOKIE_SECURE', 'PUBLIC_URL']));
    }
  });
});

// ---------------------------------------------------------------- nginx

describe('deploy/nginx.conf', () => {
  const conf = read('deploy/nginx.conf');
  const active = conf
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');

  test('the upstream is the two nodes; forwarded headers, body size, no retry of a save', () => {
    expect(active).toMatch(
      /upstream zhengxuan \{\n(?:.*\n)*?\s*server app1:3000;\n\s*server app2:3000;\n(?:.*\n)*?\s*\}/,
    );
    expect(active).toMatch(/^events \{/m);
    expect(active).toMatch(/^http \{/m);
    for (const header of ['X-Forwarded-For', 'X-Forwarded-Proto', 'X-Request-Id'])
      expect(active).toMatch(new RegExp(`proxy_set_header ${header} \\$`));
    const mb = Number(/client_max_body_size (\d+)m;/.exec(active)?.[1]);
    const fileMb = loadConfig({}).maxFileBytes / 1024 / 1024;
    expect(mb).toBeGreaterThanOrEqual(fileMb);
    expect(mb).toBeLessThanOrEqual(fileMb + 1);
    expect(active).toMatch(/proxy_next_upstream error timeout;/);
    expect(active).not.toContain('non_idempotent');
    expect(active).toMatch(/proxy_read_timeout \d+s;/);
    expect(active).toMatch(/^pid \/tmp\//m);
    // no query strings nor client addresses in the access log
    const format = /log_format zhengxuan[\s\S]*?;\n/.exec(active)![0];
    expect(format).not.toMatch(/\$request_uri|\$args|\$remote_addr|\$http_cookie|\$request"/);
  });

  const nginx = '/usr/sbin/nginx';
  const haveNginx = fs.existsSync(nginx);
  test.skipIf(!haveNginx)(
    `nginx -t accepts it, the nodes on loopback (skipped when ${nginx} is missing)`,
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-nginx-'));
      try {
        const file = path.join(dir, 'nginx.conf');
        fs.writeFileSync(
          file,
          conf
            .replace('server app1:3000;', 'server 127.0.0.1:39001;')
            .replace('server app2:3000;', 'server 127.0.0.1:39002;'),
        );
        // its access log is /dev/stdout, which cannot be opened on a socket (a spawned child's
        // pipes): a file here, the console in a container
        const out = fs.openSync(path.join(dir, 'stdout'), 'w');
        const r = spawnSync(nginx, ['-t', '-c', file, '-e', 'stderr'], {
          encoding: 'utf8',
          stdio: ['ignore', out, 'pipe'],
        });
        fs.closeSync(out);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toContain('test is successful');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
  if (!haveNginx) console.warn(`deploy.test: ${nginx} is not installed; nginx -t was not run`);
});
