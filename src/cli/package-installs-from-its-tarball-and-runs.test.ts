/**
 * The package as a user gets it: built (tsc), packed (npm pack), installed from the tarball into an
 * empty project, then imported by name (engine, bench, proxy, with their types) and run through its
 * `terse` bin. Nothing here reaches into the checkout's sources.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';

const run = promisify(execFile);
const root = environment.projectRoot;
const work = mkdtempSync(path.join(os.tmpdir(), 'terse-package-'));
const consumer = path.join(work, 'consumer');
const TRACE = path.join(root, 'traces', 'local', 'local-sre-node-runtime-failures.jsonl');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const terseBin = path.join(consumer, 'node_modules', '.bin', 'terse');
/** The consumer's environment: its own store and reports, no terse variables from the test run. */
const env = { ...process.env, TERSE_STORE: path.join(work, 'store'), TERSE_REPORTS_DIR: undefined, CI: 'true' };

/** Reads a Trace v1 file into an Anthropic request body: its base request and every message. */
const CONSUMER_SCRIPT = `
import { readFileSync } from 'node:fs';
import { createEngine, createSession, canonicalFromBody, compressRequest, compressedBody, findMarkers, retrieve, contentRef, RETRIEVE_TOOL_NAME } from 'terse';
import { BUILTIN_CONFIGS, runReplay } from 'terse/bench';
import { createProxy } from 'terse/proxy';

const lines = readFileSync(process.argv[2], 'utf8').split('\\n').filter(Boolean).map((line) => JSON.parse(line));
const body = { ...lines[0].request, messages: lines.filter((l) => l.type === 'message').map((l) => l.message) };
const session = createSession(await createEngine({ profile: 'balanced' }));
const sent = compressedBody(await compressRequest(canonicalFromBody(body, 'anthropic'), session));
const markers = findMarkers(JSON.stringify(sent));
const back = await retrieve(session.store, { ref: markers[0].ref });
console.log(JSON.stringify({
  before: JSON.stringify(body).length,
  after: JSON.stringify(sent).length,
  markers: markers.length,
  tool: sent.tools.some((t) => t.name === RETRIEVE_TOOL_NAME),
  retrieved: back.state === 'found' && contentRef(back.text) === markers[0].ref,
  bench: typeof runReplay === 'function' && 'balanced' in BUILTIN_CONFIGS,
  proxy: typeof createProxy === 'function',
}));
`;

/** Type-checked against the installed declarations only (moduleResolution nodenext, package exports). */
const TYPED_CONSUMER = `
import { createEngine, createSession, compressRequest, canonicalFromBody, compressedBody, type CompressedRequest, type Store } from 'terse';
import type { Summary, BenchConfig } from 'terse/bench';
import type { ProxyOptions } from 'terse/proxy';
const session = createSession(await createEngine({ profile: 'aggressive' }));
const result: CompressedRequest = await compressRequest(canonicalFromBody({ messages: [] }, 'openai'), session);
const store: Store = session.store;
export const shapes: [unknown, Store, Summary | null, BenchConfig | null, ProxyOptions | null] = [compressedBody(result), store, null, null, null];
`;

beforeAll(async () => {
  await run(npm, ['run', 'build'], { cwd: root });
  await run(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack left no tarball in ${work}`);
  await run('mkdir', [consumer]);
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // --prefer-offline: the dependencies come from npm's cache when `npm ci` of the checkout put them there.
  await run(
    npm,
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, tarball)],
    { cwd: consumer, maxBuffer: 1 << 24 },
  );
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package, installed into an empty project', () => {
  it('ships compiled JavaScript with declarations, and no TypeScript sources or tests', () => {
    const installed = path.join(consumer, 'node_modules', 'terse');
    const files = readdirSync(installed, { recursive: true }).map(String);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/bench/index.d.ts',
        'dist/proxy/index.d.ts',
        'dist/cli.js',
        'bin/terse.js',
      ]),
    );
    expect(
      files.filter((file) => file.startsWith('src') || file.endsWith('.test.js') || file.includes('__fixtures__')),
    ).toEqual([]);
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('is imported by name and compresses a real request, its marker retrievable', async () => {
    writeFileSync(path.join(consumer, 'use-terse.mjs'), CONSUMER_SCRIPT);
    const { stdout } = await run(process.execPath, ['use-terse.mjs', TRACE], { cwd: consumer, env });
    const seen = JSON.parse(stdout) as Record<string, number | boolean>;
    expect(seen).toMatchObject({ markers: expect.any(Number), tool: true, retrieved: true, bench: true, proxy: true });
    expect(seen.markers).toBeGreaterThan(0);
    expect(seen.after).toBeLessThan(seen.before as number);
  });

  it('gives TypeScript the types of terse, terse/bench and terse/proxy', async () => {
    writeFileSync(path.join(consumer, 'typed.ts'), TYPED_CONSUMER);
    writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const { stdout } = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(stdout).toBe('');
  });

  it('runs its bin from compiled JavaScript: --version, compress, replay into ./reports', async () => {
    expect((await run(terseBin, ['--version'], { cwd: consumer, env })).stdout.trim()).toBe(version);
    const compressed = await run(terseBin, ['compress', TRACE, '--json'], { cwd: consumer, env });
    expect(JSON.parse(compressed.stdout)).toMatchObject({
      kind: expect.any(String),
      tokens_before: expect.any(Number),
    });
    const replay = await run(terseBin, ['replay', TRACE, '--config', 'none', '--config', 'balanced'], {
      cwd: consumer,
      env,
      maxBuffer: 1 << 24,
    });
    expect(replay.stderr).toContain('through none, balanced');
    const report = /report: (\S+report\.html)/.exec(replay.stdout)?.[1];
    expect(report).toMatch(/^reports\/[^/]+\/report\.html$/);
    expect(readdirSync(path.join(consumer, 'reports'))).toHaveLength(1);
  });

  it('serves the newest report with terse view --no-open, and stops on SIGTERM', async () => {
    const child = spawn(terseBin, ['view', '--no-open'], { cwd: consumer, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`terse view exited ${String(code)}: ${out}`)));
    });
    const page = await (await fetch(url)).text();
    expect(page).toContain('<section id="charts">');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
