import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where tests keep what a person may want to look at afterwards (gitignored). */
export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts');

/** `test-artifacts/<folder>/<name>`, creating the folder. Names keep to letters, digits, dots and dashes. */
export function artifactPath(folder: string, name: string): string {
  const directory = join(ARTIFACTS_DIR, folder);
  mkdirSync(directory, { recursive: true });
  return join(directory, name.replace(/[^\w.-]+/g, '-'));
}
