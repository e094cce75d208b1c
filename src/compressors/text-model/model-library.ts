/**
 * The folder of text models the CLI knows (`terse models add DIR` copies one in; `--text-model NAME`
 * finds it): one sub-folder per model, each checked by `readModelFolder` on the way in.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ModelFolderError } from '../../errors.ts';
import { readModelFolder, type ModelFolder } from './model-folder.ts';

/** A name a model may be registered under: a plain folder name. */
const MODEL_NAME = /^[A-Za-z0-9][\w.-]{0,99}$/;

/** The name `dir` registers under: its own folder name unless one is given. */
export function modelNameFor(dir: string, name?: string): string {
  const chosen = name ?? path.basename(path.resolve(dir));
  if (!MODEL_NAME.test(chosen) || chosen.includes('..'))
    throw new ModelFolderError(
      dir,
      `${JSON.stringify(chosen)} is not a usable model name (letters, digits, ".", "_", "-")`,
    );
  return chosen;
}

/** Checks `dir`, then copies it into `library` as `name` (replacing a model of that name); returns the copy. */
export function addModel(library: string, dir: string, name?: string): ModelFolder {
  const source = readModelFolder(dir);
  const target = path.join(library, modelNameFor(dir, name));
  mkdirSync(library, { recursive: true });
  // Copied beside its place first, so a failed copy never leaves half a model under the name.
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(source.dir, staging, { recursive: true, dereference: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return readModelFolder(target);
}

/** The registered models, by name (folders that no longer check out are listed with why). */
export function listModels(
  library: string,
): { readonly name: string; readonly folder: ModelFolder | null; readonly problem: string | null }[] {
  if (!existsSync(library)) return [];
  return readdirSync(library, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.endsWith('.partial'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      try {
        return { name, folder: readModelFolder(path.join(library, name)), problem: null };
      } catch (error) {
        return { name, folder: null, problem: error instanceof ModelFolderError ? error.reason : String(error) };
      }
    });
}

/** A model by registered name, or by path when `nameOrDir` is a folder; throws ModelFolderError for neither. */
export function resolveModel(library: string, nameOrDir: string): ModelFolder {
  const registered = path.join(library, nameOrDir);
  if (MODEL_NAME.test(nameOrDir) && existsSync(registered)) return readModelFolder(registered);
  if (existsSync(nameOrDir)) return readModelFolder(nameOrDir);
  throw new ModelFolderError(
    nameOrDir,
    `no such folder, and no model of that name in ${library} (terse models add DIR registers one)`,
  );
}
