// The lint rule that keeps test fixtures out of production code (eslint.config.js, zx/no-test-imports).
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

new RuleTester().run('zx/no-test-imports', zxRules['no-test-imports']!, {
  valid: [
    // production code importing production code
    { filename: at('server/modules/printing/pdf.ts'), code: code('./types') },
    // a test next to the code it tests may use the fixtures
    {
      filename: at('server/modules/printing/pdf.test.ts'),
      code: code('../../../test/fixtures/print-sample'),
    },
    { filename: at('web/features/x/Page.test.tsx'), code: code('../../../test/web/render') },
    // fixtures, benchmarks and the browser journeys are not production code
    { filename: at('test/fixtures/desk.ts'), code: code('../harness') },
    { filename: at('bench/pdf.ts'), code: code('../test/fixtures/print-sample') },
    { filename: at('e2e/helpers.ts'), code: code('../test/fixtures/application') },
    // packages are not the test/ folder
    { filename: at('server/app.ts'), code: code('vitest') },
  ],
  invalid: [
    {
      filename: at('server/modules/printing/index.ts'),
      code: code('../../../test/fixtures/print-sample'),
      errors: 1,
    },
    { filename: at('domain/form.ts'), code: code('../test/fixtures/application'), errors: 1 },
    { filename: at('web/lib/api.ts'), code: `export * from '../../e2e/helpers';`, errors: 1 },
    {
      filename: at('web/features/x/Page.tsx'),
      code: `const m = import('../../../test/web/render');`,
      errors: 1,
    },
    {
      filename: at('server/cli/admin.ts'),
      code: `export { harness } from '../../test/harness';`,
      errors: 1,
    },
  ],
});
