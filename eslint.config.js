// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(new URL(import.meta.url).pathname);

/** Where a file sits: 'domain', 'server', 'web:feature:<name>', 'web', or other. */
function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'web' && rel[1] === 'features' && rel[2]) return `web:feature:${rel[2]}`;
  return rel[0] ?? '';
}

const IO_PACKAGES =
  /^(node:|fs$|path$|pg$|drizzle-orm|@electric-sql\/|fastify|@fastify\/|react|antd)/;

/** Import boundaries: domain imports neither server/ nor web/ (nor any I/O); web features never import each other. */
const boundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        // a domain test may compare a pure rule with the platform's own (sha256 with node:crypto)
        const reference = /\.test\.ts$/.test(file) && source === 'node:crypto';
        if (from === 'domain' && source !== 'zod' && IO_PACKAGES.test(source) && !reference) {
          context.report({
            node,
            message: `domain/ is pure rules: no I/O or UI package ('${source}')`,
          });
        }
        return;
      }
      const to = layerOf(path.resolve(path.dirname(file), source));
      if (from === 'domain' && (to === 'server' || to.startsWith('web'))) {
        context.report({ node, message: 'domain/ must not import server/ or web/' });
      } else if (from.startsWith('web') && to === 'server') {
        context.report({ node, message: 'web/ must not import server/ (share through domain/)' });
      } else if (from === 'server' && to.startsWith('web')) {
        context.report({ node, message: 'server/ must not import web/' });
      } else if (from.startsWith('web:feature:') && to.startsWith('web:feature:') && from !== to) {
        context.report({
          node,
          message: `web features do not import each other (${from.slice(12)} → ${to.slice(12)}); move shared code to web/components or web/lib`,
        });
      }
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

/** The server module a file or import target sits in (`server/modules/<name>/…`), and the rest of its path. */
function serverModuleOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] !== 'server' || rel[1] !== 'modules' || rel.length < 3) return undefined;
  return { name: rel[2], rest: rel.slice(3).join('/') };
}

/**
 * Server modules meet only through each other's public index: a file in server/modules/<a>/ imports
 * server/modules/<b> (or <b>/index), never <b>/repository or any other file of <b>. Tests are exempt.
 */
const moduleBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const from = serverModuleOf(file);
    if (!from || from.rest === '' || /\.test\.tsx?$/.test(file)) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = serverModuleOf(path.resolve(path.dirname(file), source));
      if (!to || to.name === from.name) return;
      if (to.rest === '' || /^index(\.[jt]s)?$/.test(to.rest)) return;
      context.report({
        node,
        message: `server modules import each other only through the public index: '../${to.name}', not '${source}' (export what ${from.name} needs from server/modules/${to.name}/index.ts)`,
      });
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

/** Where production code lives; tests (`*.test.ts(x)`) may sit next to it. */
const PRODUCTION = ['domain', 'server', 'web'];
const isTest = (file) => /\.test\.tsx?$/.test(file);

/** Test fixtures and generators live outside the production tree: production code never imports test/ or e2e/. */
const noTestImports = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const from = path.relative(root, file).split(path.sep)[0];
    if (!PRODUCTION.includes(from ?? '') || isTest(file)) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = path.relative(root, path.resolve(path.dirname(file), source)).split(path.sep)[0];
      if (to === 'test' || to === 'e2e') {
        context.report({
          node,
          message: `production code (${from}/) must not import ${to}/: fixtures and test helpers are for tests only`,
        });
      }
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

/** The project's own rules, exported for their tests (test/lint). */
export const zxRules = {
  boundaries,
  'module-boundaries': moduleBoundaries,
  'no-test-imports': noTestImports,
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'web/dist',
      'dist-server',
      'data',
      '.tmp',
      'test-results',
      'playwright-report',
      'server/db/migrations',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { zx: { rules: zxRules } },
    rules: {
      'zx/boundaries': 'error',
      'zx/module-boundaries': 'error',
      'zx/no-test-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render HTML from users raw.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
