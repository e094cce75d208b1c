/** Checks a file a command will write, before any work: it must not exist (unless --force) and its folder must take it. */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { PathError, UsageError } from '../errors.ts';

/** Throws when `file` exists and `force` is false, or when its folder is missing or not writable. */
export function checkNewFile(file: string, force: boolean, flag: string): void {
  const info = statSync(file, { throwIfNoEntry: false });
  if (info?.isDirectory()) throw new PathError(file, 'is a folder');
  if (info !== undefined && !force) throw new UsageError(`${flag} ${file}`, 'exists; add --force to overwrite it');
  const folder = path.dirname(path.resolve(file));
  const parent = statSync(folder, { throwIfNoEntry: false });
  if (parent === undefined) throw new PathError(file, `no such folder ${folder}`);
  if (!parent.isDirectory()) throw new PathError(file, `${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new PathError(file, `not writable (${folder})`);
  }
}
