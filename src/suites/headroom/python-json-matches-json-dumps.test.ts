/** pythonJsonDumps writes the bytes Python's json.dumps writes (expected strings produced by CPython 3). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import type { JsonValue } from '../../types.ts';
import { pythonJsonDumps } from './python-json.ts';
import { REFERENCE_FOLDER } from './reference-files.ts';

describe('pythonJsonDumps', () => {
  const value: JsonValue = { a: 'é\u007f😀\n"', b: [], c: {}, d: [1, 2.5, { e: null, f: true }] };

  it('writes compact output with Python separators and ASCII escapes', () => {
    expect(pythonJsonDumps(value)).toBe(
      '{"a": "\\u00e9\\u007f\\ud83d\\ude00\\n\\"", "b": [], "c": {}, "d": [1, 2.5, {"e": null, "f": true}]}',
    );
  });

  it('writes indent=2 output with "," line ends and empty containers kept inline', () => {
    expect(pythonJsonDumps(value, 2)).toBe(
      '{\n  "a": "\\u00e9\\u007f\\ud83d\\ude00\\n\\"",\n  "b": [],\n  "c": {},\n  "d": [\n    1,\n    2.5,\n    {\n      "e": null,\n      "f": true\n    }\n  ]\n}',
    );
  });

  it('prints float drift the way Python repr does', () => {
    expect(pythonJsonDumps([0.95 - 3 * 0.005, 0.95 - 99 * 0.005])).toBe('[0.9349999999999999, 0.45499999999999996]');
  });
});

const dir = path.join(environment.sharedDir, REFERENCE_FOLDER);

describe.skipIf(!existsSync(dir))('pythonJsonDumps against the reference requests', () => {
  it('re-serialises every JSON tool result byte for byte', () => {
    let checked = 0;
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
      const body = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { messages: { content: unknown }[] };
      for (const message of body.messages) {
        const texts =
          typeof message.content === 'string'
            ? [message.content]
            : Array.isArray(message.content)
              ? message.content
                  .map((block: { content?: unknown }) => block.content)
                  .filter((text): text is string => typeof text === 'string')
              : [];
        // Whole-valued floats (Python's "24.0") cannot survive a JavaScript parse; skip those texts.
        for (const text of texts.filter((t) => /^[[{]/.test(t) && !/: -?\d+\.0[,\n]/.test(t))) {
          const parsed = JSON.parse(text) as JsonValue;
          expect(text.includes('\n') ? pythonJsonDumps(parsed, 2) : pythonJsonDumps(parsed)).toBe(text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
