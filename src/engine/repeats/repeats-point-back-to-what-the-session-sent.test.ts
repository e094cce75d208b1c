import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGrammarRegistry } from '../../compressors/code/grammar-registry.ts';
import { createSyntaxCheck } from '../../compressors/code/syntax-verdict.ts';
import { renderIssueList, renderIssueView } from '../../suites/corpus/issue-tracker-output.ts';
import { readSwebenchIssues } from '../../suites/corpus/swebench-issues.ts';
import { environment } from '../../config.ts';
import { retrieve } from '../../retrieve/retrieve.ts';
import { findMarkers } from '../../store/marker.ts';
import type { JsonObject } from '../../types.ts';
import { canonicalFromBody } from '../request/canonical-request.ts';
import { compressRequest } from '../compress-request.ts';
import { createEngine } from '../create-engine.ts';
import { createSession } from '../engine-session.ts';
import { measureRequest } from '../measure-request.ts';

// A real source file npm installs, read twice by an agent: once, then again after one line changed.
const SOURCE = readFileSync(
  path.join(environment.projectRoot, 'node_modules', 'commander', 'lib', 'option.js'),
  'utf8',
);
const EDITED = SOURCE.replace('this.required = flags.includes', 'this.required = Boolean(flags) && flags.includes');

// Parsers the engine never touched judge the code it sends.
const checker = createGrammarRegistry();
const judge = createSyntaxCheck(checker);
beforeAll(() => checker.prepare(['javascript']), 60_000);

function turn(id: string, command: string, output: string): JsonObject[] {
  return [
    { role: 'assistant', content: [{ type: 'tool_use', id, name: 'bash', input: { command } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: output }] },
  ];
}

/** A session of the engine; with `compressors: []` every output is sent whole unless it repeats an earlier one. */
async function session(profile: 'balanced' | 'lossless', compressors: readonly string[] | null = null) {
  const setup = await createEngine({ profile, compressors });
  const s = createSession(setup);
  const messages: JsonObject[] = [{ role: 'user', content: 'Make option flags safe to read.' }];
  const send = async (...more: JsonObject[]) => {
    messages.push(...more);
    const compressed = await compressRequest(
      canonicalFromBody({ model: 'm', max_tokens: 10, messages: [...messages] }, 'anthropic'),
      s,
    );
    return { compressed, measure: measureRequest(compressed, setup.ruler) };
  };
  return { setup, send, store: s.store };
}

describe('cross-turn repeats', () => {
  it('sends a re-read file as its changed lines and pointers to the earlier read, which stays byte for byte', async () => {
    // No compressor: the first read goes whole, so the second can point at every line it repeats.
    const { send, store } = await session('balanced', []);
    const first = await send(...turn('toolu_read1', 'cat lib/option.js', SOURCE));
    const firstSent = first.compressed.parts.find((p) => p.part.callId === 'toolu_read1')?.text;
    const second = await send(...turn('toolu_read2', 'cat lib/option.js', EDITED));
    const again = second.compressed.parts.find((p) => p.part.callId === 'toolu_read1');
    // The earlier output is sent exactly as before: the provider has it cached.
    expect(again?.text).toBe(firstSent);
    const reread = second.compressed.parts.find((p) => p.part.callId === 'toolu_read2');
    expect(reread?.outcome).toMatchObject({ state: 'compressed', compressor: 'repeats' });
    const text = reread?.text ?? '';
    expect(text).toContain('this.required = Boolean(flags) && flags.includes');
    // The re-read is code, and its pointers and marker are JavaScript comments: it still parses.
    expect(judge(EDITED, text, 'javascript')).toBe('keeps');
    expect(text).toMatch(
      /^(?:\s*(?:\.\.\.  )?(?:\/\/|#) )?\(lines 1-\d+ repeat lines 1-\d+ of the output of call toolu_read1\)$/m,
    );
    const part = second.measure.parts.find((p) => p.result.part.callId === 'toolu_read2');
    expect(part?.after).toBeLessThan((part?.before ?? 0) / 2);
    // The marker gives the new output back whole.
    const [marker] = findMarkers(text);
    expect(await retrieve(store, { ref: marker?.ref })).toEqual({ state: 'found', ref: marker?.ref, text: EDITED });
    // Every line the pointers skip is one the earlier read showed, at the line they name.
    const shown = (firstSent ?? '').split('\n');
    for (const match of text.matchAll(
      /^(?:\s*(?:\.\.\.  )?(?:\/\/|#) )?\(lines (\d+)-(\d+) repeat lines (\d+)-(\d+) of/gm,
    )) {
      const [from, to, at] = [Number(match[1]), Number(match[2]), Number(match[3])];
      expect(EDITED.split('\n').slice(from - 1, to)).toEqual(shown.slice(at - 1, at - 1 + to - from + 1));
    }
  });

  it('leaves repeats alone under lossless, and a short repeat whole', async () => {
    const lossless = await session('lossless', []);
    await lossless.send(...turn('a', 'cat lib/option.js', SOURCE));
    const reread = await lossless.send(...turn('b', 'cat lib/option.js', EDITED));
    expect(reread.compressed.parts.find((p) => p.part.callId === 'b')?.text).toBe(EDITED);
    const balanced = await session('balanced', []);
    const short = SOURCE.split('\n').slice(0, 8).join('\n');
    await balanced.send(...turn('a', 'head -8 lib/option.js', short));
    const again = await balanced.send(...turn('b', 'head -8 lib/option.js', short));
    expect(again.compressed.parts.find((p) => p.part.callId === 'b')?.text).toBe(short);
  });

  const issuesDir = path.join(environment.sharedDir, 'corpus', 'swebench-issues');
  it.skipIf(!existsSync(issuesDir))(
    'points an opened issue at its body in the list the session sent, and never at a few short lines',
    async () => {
      const all = await readSwebenchIssues(issuesDir, 'swebench_lite_dev.json');
      // A list page, one of whose issues has a body short enough for the list to keep whole; the agent opens that one.
      const short = all.find((issue) => issue.body.length <= 500 && issue.body.split('\n').length >= 6);
      expect(short).toBeDefined();
      const others = all.filter((issue) => issue !== short).slice(0, 4);
      const page = [...others.slice(0, 3), short!, others[3]!];
      const { send, store } = await session('balanced');
      await send(...turn('toolu_list', 'list_issues', renderIssueList(page)));
      const opened = page[3]!;
      const view = renderIssueView(opened);
      const first = await send(...turn('toolu_view', 'get_issue', view));
      const text = first.compressed.parts.find((p) => p.part.callId === 'toolu_view')?.text ?? '';
      expect(text).toMatch(
        /^\(lines \d+-\d+ repeat lines 1-\d+ of the string \[3\]\.body in the output of call toolu_list\)$/m,
      );
      expect(text).toContain(`title:\t${opened.title}`);
      const [marker] = findMarkers(text);
      expect(await retrieve(store, { ref: marker?.ref })).toEqual({ state: 'found', ref: marker?.ref, text: view });
      // The next issue's view shares only its short field lines (state, labels, comments) with the first: sent whole.
      const next = await send(
        ...turn('toolu_view2', 'get_issue', renderIssueView({ ...page[4]!, body: 'A body no earlier output holds.' })),
      );
      expect(next.compressed.parts.find((p) => p.part.callId === 'toolu_view2')?.outcome?.state).not.toBe('compressed');
    },
  );

  it('points a plain slice at a numbered view of the same file, and a numbered view at a plain read, saying how the numbers differ', async () => {
    const numbered = (from: number, to: number) =>
      SOURCE.split('\n')
        .slice(from - 1, to)
        .map((line, at) => `${String(from + at).padStart(6)}\t${line}`)
        .join('\n');
    const plain = (from: number, to: number) =>
      SOURCE.split('\n')
        .slice(from - 1, to)
        .join('\n');
    const { send, store } = await session('balanced', []);
    await send(...turn('toolu_nl', 'cat -n lib/option.js', numbered(1, 120)));
    const sliced = await send(...turn('toolu_sed', "sed -n '40,90p' lib/option.js", plain(40, 90)));
    const text = sliced.compressed.parts.find((p) => p.part.callId === 'toolu_sed')?.text ?? '';
    expect(text).toMatch(
      /^(?:\s*(?:\.\.\.  )?(?:\/\/|#) )?\(lines 1-\d+ repeat lines 40-\d+ of the output of call toolu_nl, without their line numbers\)$/m,
    );
    // And the other way round, in a session that read the file plain: a numbered view of lines it showed.
    const other = await session('balanced', []);
    await other.send(...turn('toolu_cat', 'cat lib/option.js', plain(1, 120)));
    const viewed = await other.send(...turn('toolu_nl2', "nl -ba lib/option.js | sed -n '45,85p'", numbered(45, 85)));
    const again = viewed.compressed.parts.find((p) => p.part.callId === 'toolu_nl2')?.text ?? '';
    const pointer =
      /^(?:\s*(?:\.\.\.  )?(?:\/\/|#) )?\(lines (\d+)-41 repeat lines (\d+)-85 of the output of call toolu_cat, numbered (\d+)-85\)$/m.exec(
        again,
      );
    expect(pointer).not.toBeNull();
    // The view's line k shows file line 44 + k: the pointer's three ranges agree.
    expect(Number(pointer?.[2])).toBe(44 + Number(pointer?.[1]));
    expect(pointer?.[3]).toBe(pointer?.[2]);
    const [fromOther] = findMarkers(again);
    expect(await retrieve(other.store, { ref: fromOther?.ref })).toEqual({
      state: 'found',
      ref: fromOther?.ref,
      text: numbered(45, 85),
    });
    const [marker] = findMarkers(text);
    expect(await retrieve(store, { ref: marker?.ref })).toEqual({
      state: 'found',
      ref: marker?.ref,
      text: plain(40, 90),
    });
  });
});
