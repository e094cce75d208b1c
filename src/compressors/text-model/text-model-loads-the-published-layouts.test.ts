import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { ModelFolderError } from '../../errors.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { readModelFolder } from './model-folder.ts';
import { resolveModel } from './model-library.ts';
import { closeTextModelWorkers, createTextModelCompressor } from './text-model-compressor.ts';

// Tiny folders in the layouts LLMLingua-2 and Kompress publish, whose hand-set networks score the
// words "alpha" and "gamma" high and every other word low (scripts/text-model/build-layout-fixtures.py).
const FIXTURES = path.join(import.meta.dirname, '__fixtures__');
const LAYOUTS = [
  { name: 'bert-wordpiece-llmlingua2', modelType: 'bert', file: 'onnx/model.onnx', keepLabel: 1 },
  { name: 'modernbert-bytebpe-kompress', modelType: 'modernbert', file: 'onnx/model.onnx', keepLabel: 0 },
  { name: 'keep-score-root', modelType: 'bert', file: 'model.onnx', keepLabel: null },
] as const;
const ruler = createTokenRuler('o200k_base');
const text = Array.from(
  { length: 40 },
  (_, line) => `${line % 4 === 0 ? '  ' : ''}alpha beta gamma delta, the line of beta and delta`,
).join('\n');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'terse-layouts-'));

afterAll(async () => {
  await closeTextModelWorkers();
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(LAYOUTS)('the $name layout', (layout) => {
  const dir = path.join(FIXTURES, layout.name);

  it('is read for what it is: model type, ONNX file, keep label', () => {
    const folder = readModelFolder(dir);
    expect([folder.modelType, folder.onnx.file, folder.keepLabel]).toEqual([
      layout.modelType,
      layout.file,
      layout.keepLabel,
    ]);
  });

  it('loads through transformers.js and keeps the words its model scores high', () => {
    const compressor = createTextModelCompressor({ modelDir: dir, keepRate: { balanced: 0.25, aggressive: 0.25 } });
    const result = compressor.compress({ text, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' });
    expect(result).not.toBeNull();
    const lines = result?.text.split('\n') ?? [];
    const marker = findMarkers(result?.text ?? '');
    expect(marker.map((m) => m.ref)).toEqual([contentRef(text)]);
    expect(result?.dropped).toEqual([{ ref: contentRef(text), original: text }]);
    const body = lines.slice(0, 40);
    expect(body.every((line) => /^\s*alpha\b.*\bgamma\b/.test(line))).toBe(true);
    const betas = body.join('\n').match(/\bbeta\b/g)?.length ?? 0;
    expect(betas).toBeLessThan(8);
    expect(compressor.stats().blocksScored).toBe(1);
  });
});

describe('a folder that is not a text model', () => {
  const broken = (name: string, change: (dir: string) => void): string => {
    const dir = path.join(scratch, name);
    cpSync(path.join(FIXTURES, 'bert-wordpiece-llmlingua2'), dir, { recursive: true });
    change(dir);
    return dir;
  };

  it('is refused with the folder and what is wrong', () => {
    const cases: [string, RegExp][] = [
      [broken('no-tokenizer', (dir) => rmSync(path.join(dir, 'tokenizer.json'))), /no tokenizer\.json/],
      [broken('no-onnx', (dir) => rmSync(path.join(dir, 'onnx'), { recursive: true })), /no ONNX file/],
      [
        broken('three-labels', (dir) =>
          writeFileSync(
            path.join(dir, 'config.json'),
            JSON.stringify({ model_type: 'bert', id2label: { 0: 'a', 1: 'b', 2: 'c' } }),
          ),
        ),
        /3 labels/,
      ],
      [
        broken('bad-config', (dir) => writeFileSync(path.join(dir, 'config.json'), '{ not json')),
        /config\.json is not JSON/,
      ],
      [path.join(environment.projectRoot, 'docs'), /no config\.json/],
    ];
    expect(() => resolveModel(scratch, 'nothing-here')).toThrow(
      /nothing-here: not a text model folder: no such folder, and no model of that name/,
    );
    for (const [dir, reason] of cases) {
      expect(() => readModelFolder(dir)).toThrow(ModelFolderError);
      expect(() => readModelFolder(dir)).toThrow(reason);
      try {
        readModelFolder(dir);
      } catch (error) {
        expect((error as ModelFolderError).folder).toBe(path.resolve(dir));
      }
    }
  });
});
