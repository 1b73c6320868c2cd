// The README's declaration example is a valid application form: it is what organizers copy first.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { formDeclarationSchema } from '../domain/form-declaration';

test('the README example declaration passes the declaration schema', () => {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
  const block = /## A call is configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeTruthy();
  const r = formDeclarationSchema('application').safeParse(JSON.parse(block!));
  expect(r.success ? [] : r.error.issues).toEqual([]);
});
