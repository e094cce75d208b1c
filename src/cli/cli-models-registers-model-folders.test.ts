import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { findMarkers } from '../store/marker.ts';
import { sourceCli } from './source-cli.ts';

/** This checkout's sources (bin/terse.js would run whatever dist/ a last build left). */
const cli = sourceCli(environment.projectRoot);
const FIXTURES = path.join(environment.projectRoot, 'src', 'compressors', 'text-model', '__fixtures__');
const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-models-'));
const library = path.join(dir, 'library');

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI, run without blocking this process (the hub below answers from it). */
async function terse(args: string[], hub = closedHub): Promise<Run> {
  const env = {
    ...process.env,
    CI: 'true',
    TERSE_MODELS_DIR: library,
    TERSE_STORE: path.join(dir, 'store.duckdb'),
    HF_ENDPOINT: hub,
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...cli, ...args], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expectOneLineError(result: Run, pattern: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^terse: /);
  expect(lines[0]).toMatch(pattern);
}

// A hub that serves the Kompress-layout fixture as owner/kompress-tiny, the way huggingface.co resolves files.
let hub: Server;
let hubUrl = '';
// A loopback port that was just closed: nothing answers there.
let closedHub = '';
beforeAll(async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  closedHub = `http://127.0.0.1:${port}`;
  hub = createServer((request, response) => {
    const match = /^\/owner\/kompress-tiny\/resolve\/main\/(.+)$/.exec(request.url ?? '');
    try {
      const bytes =
        match === null ? null : readFileSync(path.join(FIXTURES, 'modernbert-bytebpe-kompress', match[1] as string));
      response.writeHead(200).end(request.method === 'HEAD' ? undefined : bytes);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const address = hub.address();
  hubUrl = typeof address === 'object' && address !== null ? `http://127.0.0.1:${address.port}` : '';
});

afterAll(async () => {
  await new Promise((resolve) => hub.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('terse models', () => {
  it('adds a model folder, lists it, and compresses prose with it by name', async () => {
    const added = await terse(['models', 'add', path.join(FIXTURES, 'bert-wordpiece-llmlingua2'), '--name', 'tiny']);
    expect(added.stdout).toMatch(/^added .*library\/tiny \(bert, onnx\/model\.onnx, keep label 1\)/);
    expect((await terse(['models', 'list'])).stdout).toBe('tiny\tbert, onnx/model.onnx, keep label 1\n');
    const prose = path.join(dir, 'prose.md');
    writeFileSync(prose, readFileSync(path.join(environment.projectRoot, 'docs', 'fidelity.md'), 'utf8'));
    const compressed = await terse(['compress', prose, '--json', '--text-model', 'tiny']);
    const record = JSON.parse(compressed.stdout) as {
      compressor: string;
      output: string;
      tokens_after: number;
      tokens_before: number;
    };
    expect(record.compressor).toBe('text-model');
    expect(record.tokens_after).toBeLessThan(record.tokens_before);
    expect(findMarkers(record.output)).toHaveLength(1);
  });

  it('refuses a folder that is not a model in one line', async () => {
    expectOneLineError(
      await terse(['models', 'add', path.join(environment.projectRoot, 'docs')]),
      /docs: not a text model folder: no config\.json/,
    );
  });

  it('says in one line that the hub is not reachable, and pulls from one that is', async () => {
    const unreachable = await terse(['models', 'pull', 'owner/kompress-tiny']);
    expectOneLineError(unreachable, /is not reachable from here \(ECONNREFUSED\); .*terse models add DIR$/);
    expect(unreachable.stderr).toContain(closedHub);
    const pulled = await terse(['models', 'pull', 'owner/kompress-tiny'], hubUrl);
    expect(pulled.stdout).toMatch(
      /^pulled owner\/kompress-tiny into .*owner--kompress-tiny \(modernbert, onnx\/model\.onnx, keep label 0\)/,
    );
  });
});
