/**
 * Real Go, Rust, C++ and Java sources that Debian packages install (`.ci/run` installs them where
 * apt-get works): the languages no npm package ships source for. Absent folders give no files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceFilesUnder, type SourceFile } from './real-source-files.ts';

/** Folders of real sources, by the Debian package that installs them. */
export const SYSTEM_SOURCE_DIRS: readonly { readonly packageName: string; readonly dir: string }[] = [
  { packageName: 'golang-github-google-go-cmp-dev', dir: '/usr/share/gocode/src/github.com/google/go-cmp' },
  { packageName: 'librust-regex-syntax-dev', dir: '/usr/share/cargo/registry' },
  { packageName: 'libfmt-dev', dir: '/usr/include/fmt' },
  { packageName: 'nlohmann-json3-dev', dir: '/usr/include/nlohmann' },
];

/** The JDK's own sources: `java.util` from the src.zip an OpenJDK install carries. */
function jdkUtilSources(): SourceFile[] {
  const jvm = '/usr/lib/jvm';
  if (!existsSync(jvm)) return [];
  const zip = readdirSync(jvm)
    .map((d) => path.join(jvm, d, 'lib', 'src.zip'))
    .find((f) => existsSync(f));
  if (zip === undefined) return [];
  const into = mkdtempSync(path.join(os.tmpdir(), 'terse-jdk-'));
  try {
    execFileSync('unzip', ['-q', zip, 'java.base/java/util/*.java', '-d', into], { stdio: 'ignore' });
  } catch {
    return [];
  }
  return sourceFilesUnder(into);
}

/** Every system source file found, sorted by folder then name. */
export function systemSourceFiles(): SourceFile[] {
  return [...SYSTEM_SOURCE_DIRS.flatMap(({ dir }) => sourceFilesUnder(dir)), ...jdkUtilSources()];
}
