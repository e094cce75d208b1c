/**
 * bin/terse.js runs dist/ where the package is installed (no src/), and in a source checkout only
 * while `npm run build`'s stamp is newer than every source file: a checkout that changed a file after
 * its last build runs the sources (with a note on stderr) rather than code it no longer holds. Run on
 * the real bin/terse.js, copied beside a dist/ and a src/ that say which one ran.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A package folder with the real bin, and a dist/ and src/ as asked, each printing its own name. */
function packageWith(parts: { dist: boolean; stamp: boolean; src: boolean }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'terse-bin-'));
  made.push(root);
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(environment.projectRoot, 'bin', 'terse.js'), path.join(root, 'bin', 'terse.js'));
  writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
  symlinkSync(path.join(environment.projectRoot, 'node_modules'), path.join(root, 'node_modules'));
  if (parts.dist) {
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist', 'cli.js'), "console.log('dist');\n");
    if (parts.stamp) writeFileSync(path.join(root, 'dist', '.built'), 'built\n');
  }
  if (parts.src) {
    mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'cli.ts'), "const which: string = 'src';\nconsole.log(which);\n");
    writeFileSync(path.join(root, 'src', 'cli', 'inner.ts'), 'export {};\n');
  }
  return root;
}

const at = (file: string, seconds: number): void => utimesSync(file, seconds, seconds);

function run(root: string): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'terse.js')], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout.trim(), stderr: result.stderr };
}

describe('bin/terse.js', () => {
  it('runs dist/ where the package is installed, without src/ or a stamp', () => {
    expect(run(packageWith({ dist: true, stamp: false, src: false })).stdout).toBe('dist');
  });

  it('runs dist/ in a checkout built after its last source change', () => {
    const root = packageWith({ dist: true, stamp: true, src: true });
    at(path.join(root, 'src', 'cli.ts'), 1_000);
    at(path.join(root, 'src', 'cli', 'inner.ts'), 1_000);
    at(path.join(root, 'dist', '.built'), 2_000);
    const { stdout, stderr } = run(root);
    expect(stdout).toBe('dist');
    expect(stderr).toBe('');
  });

  it('runs the sources, and says why, where a source file changed after the build', () => {
    const root = packageWith({ dist: true, stamp: true, src: true });
    at(path.join(root, 'src', 'cli.ts'), 1_000);
    at(path.join(root, 'dist', '.built'), 2_000);
    at(path.join(root, 'src', 'cli', 'inner.ts'), 3_000);
    const { stdout, stderr } = run(root);
    expect(stdout).toBe('src');
    expect(stderr).toMatch(/dist\/ is older than src\//);
  });

  it('runs the sources in a checkout with no build, or a build from before the stamp', () => {
    expect(run(packageWith({ dist: false, stamp: false, src: true })).stdout).toBe('src');
    expect(run(packageWith({ dist: true, stamp: false, src: true })).stdout).toBe('src');
  });
});
