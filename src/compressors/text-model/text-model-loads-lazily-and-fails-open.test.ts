import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { sourceCli } from '../../cli/source-cli.ts';
import { TextModelSkipped } from '../../errors.ts';
import { createEngine } from '../../engine/create-engine.ts';
import { compressText } from '../../engine/compress-text.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { closeTextModelWorkers, createTextModelCompressor, type TextModelCompressor } from './text-model-compressor.ts';

const FIXTURE = path.join(import.meta.dirname, '__fixtures__', 'bert-wordpiece-llmlingua2');
const prose = readFileSync(path.join(environment.projectRoot, 'docs', 'fidelity.md'), 'utf8');
const json = JSON.stringify(
  Array.from({ length: 200 }, (_, id) => ({ id, name: `item-${id}`, status: id % 7 === 0 ? 'error' : 'ok' })),
  null,
  2,
);
const ruler = createTokenRuler('o200k_base');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'terse-text-model-'));

/** A copy of the fixture in its own folder: its own worker, cold. */
function copyOfFixture(name: string, change: (dir: string) => void = () => undefined): string {
  const dir = path.join(scratch, name);
  cpSync(FIXTURE, dir, { recursive: true });
  change(dir);
  return dir;
}

afterAll(async () => {
  await closeTextModelWorkers();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the text model in the engine', () => {
  it('is not loaded by an engine that meets no prose, and is loaded by the first prose block', async () => {
    const setup = await createEngine({ profile: 'balanced', textModel: copyOfFixture('lazy') });
    const model = setup.registry.text.find((compressor) => compressor.name === 'text-model') as TextModelCompressor;
    expect(setup.registry.text.map((compressor) => compressor.name)).not.toContain('text');
    const jsonOutcome = await compressText(json, setup);
    expect(jsonOutcome.kind).toBe('json');
    expect(model.stats().loadMs).toBeNull();
    const proseOutcome = await compressText(prose, setup);
    expect(proseOutcome.state === 'compressed' && proseOutcome.compressor).toBe('text-model');
    expect(model.stats().loadMs).toBeGreaterThan(0);
    expect(
      await setup.store.get(proseOutcome.state === 'compressed' ? (proseOutcome.dropped[0]?.ref ?? '') : ''),
    ).toEqual({ found: true, original: prose });
  });

  it('fails a block open and records why when the model cannot load', async () => {
    const dir = copyOfFixture('corrupt', (folder) =>
      writeFileSync(path.join(folder, 'onnx', 'model.onnx'), 'not an onnx file'),
    );
    const setup = await createEngine({ profile: 'balanced', textModel: dir });
    const outcome = await compressText(prose, setup);
    expect(outcome.state).toBe('failed');
    expect(outcome.state === 'failed' && [outcome.compressor, outcome.error]).toEqual([
      'text-model',
      expect.stringMatching(/^text-model model-failed: /),
    ]);
    expect(outcome.tokensAfter).toBe(outcome.tokensBefore);
    const model = setup.registry.text.find((compressor) => compressor.name === 'text-model') as TextModelCompressor;
    expect(model.stats().skipped['model-failed']).toBe(1);
  });

  it('leaves a block over its size gate as it was, counted as size-gate, before any model work', () => {
    const compressor = createTextModelCompressor({ modelDir: copyOfFixture('gated'), maxBlockTokens: 200 });
    expect(() =>
      compressor.compress({ text: prose, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' }),
    ).toThrow(TextModelSkipped);
    expect(compressor.stats()).toMatchObject({
      blocksScored: 0,
      loadMs: null,
      skipped: { 'size-gate': 1, 'model-failed': 0, deadline: 0 },
    });
  });

  it('passes a block whose scores miss a deadline, and scores the next one (a deadline is for the proxy only)', () => {
    const compressor = createTextModelCompressor({ modelDir: copyOfFixture('deadline'), deadlineMs: 0 });
    expect(() =>
      compressor.compress({ text: prose, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' }),
    ).toThrow(/text-model deadline/);
    const patient = createTextModelCompressor({ modelDir: path.join(scratch, 'deadline') });
    expect(
      patient.compress({ text: prose, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' })?.lossy,
    ).toBe(true);
    expect(compressor.stats().skipped.deadline).toBe(1);
  });
});

describe('commands that need no model', () => {
  // A loader hook that reports every import of @huggingface/transformers on the main thread.
  const hook = `data:text/javascript,${encodeURIComponent(`
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, n) { if (s.startsWith('@huggingface/transformers')) process.stderr.write('LOADED ' + s + '\\\\n'); return n(s, c); }"));
  `)}`;
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', hook, ...args], {
      cwd: environment.projectRoot,
      encoding: 'utf8',
      env: { ...process.env, TERSE_STORE: path.join(scratch, 'store.duckdb') },
    });

  it('never load @huggingface/transformers (and the probe does see a load)', () => {
    const control = run(['--input-type=module', '-e', "await import('@huggingface/transformers')"]);
    expect(control.stderr).toContain('LOADED @huggingface/transformers');
    const file = path.join(scratch, 'items.json');
    writeFileSync(file, json);
    for (const args of [['--help'], ['compress', file, '--json']]) {
      const result = run([...sourceCli(environment.projectRoot), ...args]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).not.toContain('LOADED');
    }
  });
});
