import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { detectContent } from '../../detect/detect-content.ts';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import type { CompressContext } from '../compressor.ts';
import { codeCompressor, prepareCodeGrammars } from './code-compressor.ts';
import { createGrammarRegistry } from './grammar-registry.ts';
import { parseNumberedView } from './numbered-view.ts';
import { outlineProblems } from './outline-problems.ts';
import { trajectoryViews, type PrintedView } from './trajectory-views.ts';

const ruler = createTokenRuler('o200k_base');
const context = (profile: 'balanced' | 'aggressive'): CompressContext => ({ profile, ruler, conversation: '' });
// A separate registry, so the checks parse with a parser the compressor never touched.
const checker = createGrammarRegistry();
const trajectoryDir = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const views = trajectoryViews(trajectoryDir);
const compress = (view: PrintedView, profile: 'balanced' | 'aggressive' = 'balanced') =>
  codeCompressor.compressWithReason({ text: view.text, kind: 'code', language: view.language }, context(profile));

beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(['python']), checker.prepare(['python'])]);
});

describe.skipIf(views.length === 0).each(['balanced', 'aggressive'] as const)(
  'code compressor on views agents printed (%s)',
  (profile) => {
    it('outlines numbered views and fragments without a new syntax error, markers resolving to the whole block', () => {
      const lookup = checker.parserFor('python');
      if (!lookup.ok) throw new Error(lookup.reason);
      const problems: string[] = [];
      let numbered = 0;
      let fragments = 0;
      for (const view of views) {
        const attempt = compress(view, profile);
        const result = attempt.result;
        if (result === null) continue;
        if (attempt.view?.numbered === true) numbered += 1;
        if (attempt.view?.fragment === true) fragments += 1;
        for (const problem of outlineProblems(view.text, result.text, lookup.parser))
          problems.push(`${view.name}: ${problem}`);
        expect(result.dropped).toEqual([{ ref: contentRef(view.text), original: view.text }]);
        for (const marker of findMarkers(result.text)) expect(marker.ref).toBe(contentRef(view.text));
        expect(ruler.count(result.text), `${view.name} smaller`).toBeLessThan(ruler.count(view.text));
        expect(compress(view, profile).result?.text, `${view.name} deterministic`).toBe(result.text);
        const again = codeCompressor.compress(
          { text: result.text, kind: 'code', language: 'python' },
          context(profile),
        );
        expect(again === null || again.text === result.text, `${view.name} idempotent`).toBe(true);
      }
      expect(problems).toEqual([]);
      expect(numbered).toBeGreaterThanOrEqual(profile === 'balanced' ? 15 : 10);
      expect(fragments).toBeGreaterThanOrEqual(profile === 'balanced' ? 15 : 10);
    });

    it('keeps the number of every kept line of a numbered view', () => {
      for (const view of views) {
        const result = compress(view, profile).result;
        const input = parseNumberedView(view.text);
        if (result === null || input === null) continue;
        const inputLines = new Set(view.text.split('\n'));
        for (const line of result.text.split('\n')) {
          if (findMarkers(line).length > 0)
            expect(line.startsWith(input.blankPrefix), `${view.name}: ${line}`).toBe(true);
          else expect(inputLines.has(line), `${view.name}: ${line}`).toBe(true);
        }
      }
    });
  },
);

describe.skipIf(views.length === 0)('code compressor on a numbered view from a trajectory', () => {
  const view = views.find((v) => v.text.startsWith('  1651\t        return field.pre_save'));

  it.skipIf(view === undefined)("names the view's own line numbers in its markers", () => {
    const result = compress(view!).result!;
    expect(result.text).toContain('  1651\t        return field.pre_save(obj, add=True)\n');
    const ranges = findMarkers(result.text).map((m) => /^lines (\d+)-(\d+)/.exec(m.description)!.slice(1).map(Number));
    expect(ranges.length).toBeGreaterThan(0);
    for (const [first, last] of ranges) {
      expect(first).toBeGreaterThan(1651);
      expect(last).toBeLessThanOrEqual(1750);
    }
    expect(result.text).toMatch(/^ {6}\t {8}# \[\[terse:[0-9a-f]{16} lines 1\d{3}-1\d{3} omitted/m);
  });
});

describe.skipIf(views.length === 0)('a slice that starts deep inside a function body', () => {
  // Django's `_combinator_query`, `sed -n '400,430p'`: two lines of an `if` body, then the function's own statements.
  const slice = views.find((v) => v.name === 'django__django-10554.traj.json:31:output');

  it.skipIf(slice === undefined)(
    'keeps the tail of the body it starts in verbatim: its name is out of view, and the agent sliced the file for those lines',
    () => {
      const attempt = compress(slice!);
      // The slice parses in its frame now (it was a fragment of errors before), and nothing in it is elided.
      expect(attempt.view).toEqual({ numbered: false, fragment: false });
      expect(attempt.result).toBeNull();
      expect(attempt.reason).toMatch(/no long function body/);
    },
  );
});

describe.skipIf(views.length === 0)('an output the agent cut', () => {
  const tail = views.find((v) => v.name.startsWith('django__django-13821.traj.json:69:output_tail'));

  it.skipIf(tail === undefined)('is detected as two code sections, and its tail outlined as a fragment', () => {
    const reply = `<returncode>0</returncode>\n<output_head>\nimport os\n</output_head>\n<elided_chars>\n10 characters elided\n</elided_chars>\n<output_tail>\n${tail!.text}</output_tail>`;
    const detection = detectContent(reply);
    const code = (detection.sections ?? []).filter((s) => s.kind === 'code');
    expect(code.map((s) => reply.slice(s.start, s.end))).toContain(tail!.text);
    const attempt = compress(tail!);
    expect(attempt.view).toEqual({ numbered: false, fragment: true });
    expect(attempt.result).not.toBeNull();
  });
});

/** The 1-based line range each marker of `out` names. */
const markerRanges = (out: string): [number, number][] =>
  findMarkers(out).map(
    (marker) => /^lines (\d+)-(\d+) omitted/.exec(marker.description)!.slice(1).map(Number) as [number, number],
  );

/** Every line a marker names is gone from `out` (of those that occur once and say something). */
function expectMarkersNameTheirOwnLines(lines: readonly string[], out: string): void {
  const once = (line: string): boolean => lines.filter((other) => other === line).length === 1;
  for (const [first, last] of markerRanges(out)) {
    for (const line of lines.slice(first - 1, last))
      if (line.trim().length > 12 && once(line)) expect(out.split('\n')).not.toContain(line);
  }
}

describe.skipIf(views.length === 0)('the tail of an output the agent cut inside a docstring', () => {
  // pylint's utils/utils.py, cut by mini-swe-agent mid-docstring: its first lines close a string it never opened.
  const tail = views.find((v) => v.shape === 'cut' && v.text.startsWith('ine\n\n    :type sep: str or unicode'));

  it.skipIf(tail === undefined)(
    'is read from inside the docstring: the cut body it starts in stays as it came, the whole functions after it are outlined',
    () => {
      const attempt = compress(tail!);
      expect(attempt.view).toEqual({ numbered: false, fragment: true });
      const out = attempt.result?.text ?? '';
      const lines = tail!.text.split('\n');
      // Through the cut function's last statement, after the docstring it starts in.
      const bodyEnd = lines.findIndex((line) => line.trim() === '"""') + 2;
      expect(out.startsWith(`${lines.slice(0, bodyEnd).join('\n')}\n`)).toBe(true);
      expect(markerRanges(out).every(([first]) => first > bodyEnd)).toBe(true);
      expect(markerRanges(out).length).toBeGreaterThan(2);
      expectMarkersNameTheirOwnLines(lines, out);
      expect(ruler.count(out)).toBeLessThan(ruler.count(tail!.text) * 0.8);
    },
  );
});

describe.skipIf(views.length === 0)('the tail of an output the agent cut inside a name', () => {
  // pylint's lint/message_state_handler.py, cut in the middle of `def _get_messages_to_set(`: nothing frames its first line.
  const tail = views.find((v) => v.text.startsWith('essages_to_set(\n'));

  it.skipIf(tail === undefined)(
    "keeps the head up to the first method that frames as it came, and outlines the rest, markers counting the tail's own lines",
    () => {
      const attempt = compress(tail!);
      expect(attempt.view).toEqual({ numbered: false, fragment: true });
      const out = attempt.result?.text ?? '';
      const lines = tail!.text.split('\n');
      const head = lines.slice(
        0,
        lines.findIndex((line) => line.startsWith('    def ')),
      );
      expect(head.length).toBeGreaterThan(10);
      expect(out.startsWith(`${head.join('\n')}\n`)).toBe(true);
      for (const [first] of markerRanges(out)) expect(first).toBeGreaterThan(head.length);
      expectMarkersNameTheirOwnLines(lines, out);
      expect(ruler.count(out)).toBeLessThan(ruler.count(tail!.text));
    },
  );
});
