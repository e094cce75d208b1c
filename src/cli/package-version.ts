/** The version `terse --version` prints, read from the package's own package.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `version` of `<projectRoot>/package.json`, or `unknown` when it cannot be read. */
export function packageVersion(projectRoot: string): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
