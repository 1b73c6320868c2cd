// Files the server reads from the project's own tree (migrations, seed data). They are found from
// the project's folder, not from the module's own place: the same code runs from its sources
// (tsx, tests) and from the bundle in dist-server/ (npm start), where import.meta.url differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The project's folder: the nearest one above this module that holds package.json. */
function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir)
      throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return (root = dir);
}

/** A path inside the project, e.g. projectPath('server/db/migrations'). */
export function projectPath(...parts: string[]): string {
  return path.join(projectRoot(), ...parts);
}
