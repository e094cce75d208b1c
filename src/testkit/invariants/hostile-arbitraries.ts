/**
 * Generators (fast-check arbitraries) of what a hostile or merely unlucky client sends: tool outputs
 * of every content kind, huge and degenerate shapes, invalid encodings, foreign markers, numbers in
 * every JSON spelling, and whole provider requests built from them as wire text.
 */
import fc from 'fast-check';

/** How large generated texts may grow: CI keeps them small, `npm run fuzz` lets them grow. */
export interface SizeLimits {
  /** Longest degenerate run (one character class repeated). */
  readonly maxRun: number;
  /** Most rows or lines in a structured output. */
  readonly maxRows: number;
}

/** Number literals as JSON allows them to be written, including those a double cannot keep. */
export const NUMBER_SPELLINGS = [
  '0',
  '-0',
  '-0.0',
  '0.0',
  '1.0',
  '1.50',
  '2.50E+3',
  '1e400',
  '-1e400',
  '1E-400',
  '1e-7',
  '0.1',
  '-12.5e-3',
  '123456789012345678901234567890',
  '9007199254740993',
  '-9007199254740993',
  '12345678901234567890',
  '1.7976931348623157e308',
] as const;

const numberLiteral = fc.oneof(
  fc.constantFrom(...NUMBER_SPELLINGS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);

const WORDS = [
  'error',
  'timeout',
  'payment',
  'user_id',
  'checkout',
  'retry',
  'connection',
  'refused',
  'svc-a',
  'node-7',
  'OK',
  'FAILED',
  'café',
  '数据',
  '🚀',
];
const word = fc.constantFrom(...WORDS);
const line = fc.array(word, { minLength: 2, maxLength: 12 }).map((w) => w.join(' '));

/** A JSON string literal that may use escapes for what it holds (`\u00e9` for é, `\/`...). */
const stringLiteral = fc.tuple(fc.oneof(word, line, fc.string({ maxLength: 20 })), fc.boolean()).map(([s, escape]) =>
  escape
    ? JSON.stringify(s)
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/\//g, '\\/')
    : JSON.stringify(s),
);

/** JSON text written by hand: every number spelling, duplicate keys at times, spacing of every kind. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLiteral,
    stringLiteral,
    fc.constantFrom('true', 'false', 'null'),
    fc
      .array(tie('value'), { maxLength: 6 })
      .chain((items) => fc.constantFrom(`[${items.join(',')}]`, `[ ${items.join(' ,\n ')} ]`)),
    fc
      .array(fc.tuple(fc.constantFrom('"id"', '"status"', '"a"', '"__proto__"', '"x y"', '"é"'), tie('value')), {
        maxLength: 6,
      })
      .map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
})).value;

/** Rows of records, the shape JSON compressors look for; numbers spelled every way, keys repeated at times. */
function jsonRows(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 5, max: limits.maxRows }), numberLiteral, fc.boolean(), fc.boolean())
    .map(([n, number, repeatKey, pretty]) => {
      const rows = Array.from({ length: n }, (_, i) => {
        const status = i % 17 === 0 ? 'FAILED' : 'ok';
        const repeat = repeatKey && i % 5 === 0 ? `,"status":"${status}-again"` : '';
        return `{"id":${i},"status":"${status}"${repeat},"latency_ms":${i % 7 === 0 ? number : (i * 37) % 1000},"host":"node-${i % 9}"}`;
      });
      return pretty ? `[\n  ${rows.join(',\n  ')}\n]` : `[${rows.join(',')}]`;
    });
}

function logLines(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 10, max: limits.maxRows }), fc.constantFrom('\n', '\r\n'), line)
    .map(([n, eol, tail]) =>
      Array.from(
        { length: n },
        (_, i) =>
          `2024-05-01T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z ${i % 23 === 0 ? 'ERROR' : 'INFO'} worker-${i % 4} ${tail} id=${i}`,
      ).join(eol),
    );
}

function codeText(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .integer({ min: 3, max: Math.max(3, limits.maxRows / 4) })
    .map((n) =>
      Array.from(
        { length: n },
        (_, i) =>
          `def handler_${i}(event, context):\n    """Handle event ${i}."""\n    if event.get("amount", 0) > ${i * 10}:\n        raise ValueError("over limit ${i}")\n    return {"status": "ok", "id": ${i}}\n`,
      ).join('\n'),
    );
}

function diffText(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .integer({ min: 5, max: limits.maxRows })
    .map(
      (n) =>
        `diff --git a/app.py b/app.py\n--- a/app.py\n+++ b/app.py\n@@ -1,${n} +1,${n} @@\n${Array.from({ length: n }, (_, i) => (i === Math.floor(n / 2) ? `-old line ${i}\n+new line ${i}` : ` context line ${i}`)).join('\n')}`,
    );
}

function searchText(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .integer({ min: 5, max: limits.maxRows })
    .map((n) =>
      Array.from(
        { length: n },
        (_, i) =>
          `src/module_${i % 11}/file_${i}.py:${i * 3 + 1}:    result = compute_total(order_${i}, tax=0.${i % 10})`,
      ).join('\n'),
    );
}

function tableText(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .integer({ min: 5, max: limits.maxRows })
    .map(
      (n) =>
        `| id | name | status |\n|---|---|---|\n${Array.from({ length: n }, (_, i) => `| ${i} | item-${i} | ${i % 13 === 0 ? 'FAILED' : 'ok'}   |`).join('\n')}`,
    );
}

const htmlText = fc
  .array(line, { minLength: 3, maxLength: 40 })
  .map(
    (lines) =>
      `<html><body>${lines.map((l, i) => `<p class="c${i}">${l} <a href="/x/${i}">link</a></p>`).join('\n')}</body></html>`,
  );

const proseText = fc.array(line, { minLength: 5, maxLength: 200 }).map((lines) => lines.join('.\n'));

/** One character class repeated: the shapes that made the tokenizer quadratic or overflow its stack. */
function degenerateRun(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('\n', ' ', '\t', '\u00a0', '\r\n', 'a', 'é', '-', '\u{1F600}', '0', '\u200b', '\u0000'),
      fc.integer({ min: 1, max: limits.maxRun }),
    )
    .map(([unit, n]) => unit.repeat(Math.max(1, Math.floor(n / unit.length))));
}

/** JSON nested deeper than any compressor walks (arrays in arrays, objects in objects), up to an eighth of the longest run. */
function deepJson(limits: SizeLimits): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: Math.max(1, Math.floor(limits.maxRun / 8)) }), fc.boolean())
    .map(([n, arrays]) => (arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));
}

/** A marker some other session (or a user) wrote: well-formed, resolvable nowhere here. */
const foreignMarker = fc
  .tuple(fc.stringMatching(/^[0-9a-f]{16}$/), line)
  .map(
    ([ref, description]) => `[[terse:${ref} ${description.replace(/[^\x20-\x5a\x5c\x5e-\x7e]/g, '?').trim() || 'x'}]]`,
  );

/** Text damaged the ways real tool output is: lone surrogates, NUL and control characters, a BOM, foreign markers. */
function damaged(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      text,
      fc.constantFrom('\uD800', '\uDC80x', '\u0000', '\u001b[31m', '\uFEFF', '\r', '\uFFFD'),
      foreignMarker,
      fc.nat(),
      fc.constantFrom('none', 'char', 'marker'),
    )
    .map(([t, bad, marker, at, how]) => {
      if (how === 'none' || t.length === 0) return t;
      const cut = at % (t.length + 1);
      // Never split a surrogate pair of the text itself: only the inserted damage is ill-formed.
      const safe = cut > 0 && cut < t.length && /[\uD800-\uDBFF]/.test(t[cut - 1] ?? '') ? cut + 1 : cut;
      return `${t.slice(0, safe)}${how === 'char' ? bad : `\n${marker}\n`}${t.slice(safe)}`;
    });
}

/** Tool output of every content kind, whole or mixed, clean or damaged. */
export function toolOutput(limits: SizeLimits): fc.Arbitrary<string> {
  const kinds = fc.oneof(
    jsonRows(limits),
    logLines(limits),
    codeText(limits),
    diffText(limits),
    searchText(limits),
    tableText(limits),
    htmlText,
    proseText,
    jsonText,
    degenerateRun(limits),
    deepJson(limits),
  );
  const mixed = fc.array(kinds, { minLength: 2, maxLength: 3 }).map((parts) => parts.join('\n\n'));
  return damaged(fc.oneof({ weight: 4, arbitrary: kinds }, { weight: 1, arbitrary: mixed }));
}

/** A tool call input as raw JSON text: numbers in every spelling, nested a little. */
const toolInput = fc
  .tuple(jsonText, numberLiteral)
  .map(([extra, n]) => `{"command":"run","limit":${n},"extra":${extra}}`);

/** One provider request as wire text, its tool outputs generated. */
export function providerRequest(limits: SizeLimits): fc.Arbitrary<string> {
  const turn = fc.tuple(toolOutput(limits), toolInput, fc.boolean());
  return fc
    .tuple(
      fc.constantFrom('anthropic', 'openai'),
      fc.array(turn, { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      numberLiteral,
      fc.constantFrom('', ' ', '\n  '),
    )
    .map(([provider, turns, withTools, n, space]) => {
      const tools = withTools
        ? provider === 'anthropic'
          ? `"tools":[{"name":"bash","description":"run \\u00e9","input_schema":{"type":"object","maximum":${n}}}],`
          : `"tools":[{"type":"function","function":{"name":"bash","parameters":{"type":"object","maximum":${n}}}}],`
        : '';
      const messages: string[] = [
        provider === 'anthropic'
          ? '{"role":"user","content":"Find why the payment service fails."}'
          : '{"role":"system","content":"You are an agent."},{"role":"user","content":"Find why the payment service fails."}',
      ];
      turns.forEach(([output, input, asBlocks], i) => {
        const id = `call_${i}`;
        if (provider === 'anthropic') {
          messages.push(
            `{"role":"assistant","content":[{"type":"text","text":"step ${i}"},{"type":"tool_use","id":"${id}","name":"bash","input":${input}}]}`,
          );
          const content = asBlocks ? `[{"type":"text","text":${JSON.stringify(output)}}]` : JSON.stringify(output);
          messages.push(
            `{"role":"user","content":[{"type":"tool_result","tool_use_id":"${id}","content":${content}}]}`,
          );
        } else {
          messages.push(
            `{"role":"assistant","content":null,"tool_calls":[{"id":"${id}","type":"function","function":{"name":"bash","arguments":${JSON.stringify(input)}}}]}`,
          );
          messages.push(`{"role":"tool","tool_call_id":"${id}","content":${JSON.stringify(output)}}`);
        }
      });
      return `{${space}"model":"m",${space}"max_tokens":${n === '-0' ? '10' : '1000'},${tools}"messages":[${messages.join(`,${space}`)}]${space}}`;
    });
}
