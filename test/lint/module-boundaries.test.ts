// The lint rule that keeps server modules apart: they meet only through each other's public index
// (eslint.config.js, zx/module-boundaries).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const { zxRules } = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
  zxRules: Record<string, Rule.RuleModule>;
};

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const at = (file: string) => path.join(root, file);
const code = (from: string) => `import { x } from '${from}';`;

new RuleTester().run('zx/module-boundaries', zxRules['module-boundaries']!, {
  valid: [
    // another module through its index
    { filename: at('server/modules/batches/service.ts'), code: code('../campaigns') },
    { filename: at('server/modules/batches/service.ts'), code: code('../campaigns/index') },
    { filename: at('server/modules/batches/service.ts'), code: code('../campaigns/index.ts') },
    { filename: at('server/modules/batches/routes.ts'), code: `export { y } from '../audit';` },
    // any file of its own module
    { filename: at('server/modules/batches/routes.ts'), code: code('./repository') },
    { filename: at('server/modules/batches/index.ts'), code: `export * from './desk';` },
    // what is not a module
    { filename: at('server/modules/batches/routes.ts'), code: code('../../lib/errors') },
    { filename: at('server/modules/batches/routes.ts'), code: code('../../../domain/zod') },
    { filename: at('server/modules/batches/routes.ts'), code: code('drizzle-orm') },
    // tests may reach into another module
    {
      filename: at('server/modules/batches/batches.test.ts'),
      code: code('../campaigns/repository'),
    },
  ],
  invalid: [
    {
      filename: at('server/modules/batches/service.ts'),
      code: code('../campaigns/repository'),
      errors: 1,
    },
    {
      filename: at('server/modules/recommendations/service.ts'),
      code: code('../audit/service'),
      errors: 1,
    },
    {
      filename: at('server/modules/applications/index.ts'),
      code: `export { y } from '../printing/pdf';`,
      errors: 1,
    },
    {
      filename: at('server/modules/follow-ups/routes.ts'),
      code: `export * from '../awards/views';`,
      errors: 1,
    },
    {
      filename: at('server/modules/batches/read.ts'),
      code: `const m = import('../reference/repository');`,
      errors: 1,
    },
    // the long way round is still another module's file
    {
      filename: at('server/modules/batches/read.ts'),
      code: code('../../modules/reference/repository'),
      errors: 1,
    },
  ],
});
