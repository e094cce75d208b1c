import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { head, PYTHON_SRC } from '../testkit/detect/real-head-output.ts';
import { detectContent } from './detect-content.ts';
import { jsonShape, scanJson } from './json-shape.ts';

const NODE_TYPES = path.join(PYTHON_SRC, 'node-types.json');
const GRAMMAR = path.join(PYTHON_SRC, 'grammar.json');

describe('detectContent reads JSON files cut by head as json', () => {
  it('detects `head -n 200 node-types.json` (an array cut inside an item) as json, not python', () => {
    const text = head('-n', '200', NODE_TYPES);
    expect(jsonShape(text)).toBe('prefix');
    expect(detectContent(text)).toEqual({ kind: 'json' });
  });

  it('detects `head -c 4096 grammar.json` (an object cut mid-token) as json', () => {
    const text = head('-c', '4096', GRAMMAR);
    expect(detectContent(text)).toEqual({ kind: 'json' });
  });

  it('still detects the whole files as json', () => {
    expect(detectContent(readFileSync(NODE_TYPES, 'utf8')).kind).toBe('json');
    expect(detectContent(readFileSync(GRAMMAR, 'utf8')).kind).toBe('json');
  });

  it('reads a cut inside a literal (`tr` of `true`) as a valid start of JSON', () => {
    const whole = readFileSync(NODE_TYPES, 'utf8');
    const at = whole.indexOf('"named": true') + '"named": tr'.length;
    const text = head('-c', String(at), NODE_TYPES);
    expect(text.endsWith('"named": tr')).toBe(true);
    expect(jsonShape(text)).toBe('prefix');
    expect(detectContent(text).kind).toBe('json');
  });

  it('notes where a cut document can be closed: past its last complete value, with the open containers', () => {
    const text = head('-n', '200', NODE_TYPES);
    const scan = scanJson(text);
    const closed = text.slice(0, scan.lastValueEnd) + scan.closersAtLastValue;
    expect(() => JSON.parse(closed) as unknown).not.toThrow();
    // Every complete item of the top-level array survives the closing, in order.
    const complete = (JSON.parse(readFileSync(NODE_TYPES, 'utf8')) as { type: string }[]).map((item) => item.type);
    const kept = (JSON.parse(closed) as { type: string }[]).map((item) => item.type);
    expect(kept).toEqual(complete.slice(0, kept.length));
  });
});
