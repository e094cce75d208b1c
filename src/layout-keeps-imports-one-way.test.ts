/**
 * The layering docs/architecture.md describes, checked on the real source tree by dependency-cruiser
 * with the project's own rules (.dependency-cruiser.cjs), and on a small tree that breaks each rule on
 * purpose, so a rule that never fires is caught too.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from './config.ts';

const run = promisify(execFile);
const root = environment.projectRoot;
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

async function violations(cwd: string): Promise<Violation[]> {
  const config = path.join(root, '.dependency-cruiser.cjs');
  const { stdout } = await run(depcruise, ['--config', config, '--output-type', 'json', 'src'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const parsed = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return parsed.summary.violations;
}

const broken = mkdtempSync(path.join(os.tmpdir(), 'terse-layout-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(broken, file)), { recursive: true });
  writeFileSync(path.join(broken, file), text);
}

describe('the source tree keeps its imports one way', () => {
  it('breaks none of the layout rules', async () => {
    const found = await violations(root);
    expect(found.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  }, 120_000);

  it('reports each rule on a tree that breaks it', async () => {
    writeFileSync(
      path.join(broken, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', allowImportingTsExtensions: true, noEmit: true } }),
    );
    write('src/config.ts', 'export const environment = { root: "." };\n');
    write('src/testkit/fixture.ts', 'export const fixture = 1;\n');
    write(
      'src/bench/replay.ts',
      "import { buildSuite } from '../suites/build.ts';\nimport { serve } from '../proxy/serve.ts';\nexport const replay = () => buildSuite() + serve();\n",
    );
    write('src/suites/build.ts', 'export const buildSuite = () => 1;\n');
    write(
      'src/proxy/serve.ts',
      "import { replay } from '../bench/replay.ts';\nexport const serve = () => 2;\nexport const again = replay;\n",
    );
    write(
      'src/engine/compress.ts',
      "import { fixture } from '../testkit/fixture.ts';\nimport { replay } from '../bench/replay.ts';\nimport { environment } from '../config.ts';\nexport const compress = () => fixture + replay() + environment.root.length;\n",
    );
    const rules = new Set((await violations(broken)).map((v) => v.rule.name));
    expect([...rules].sort()).toEqual(
      [
        'bench-never-imports-suites',
        'bench-never-imports-the-proxy',
        'engine-stays-below-the-front-doors',
        'no-runtime-cycle',
        'only-the-cli-reads-config',
        'production-never-imports-testkit',
        'proxy-and-bench-stay-apart',
      ].sort(),
    );
  }, 120_000);
});
