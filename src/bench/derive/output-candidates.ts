/**
 * Probe candidates derived from a trajectory's bash outputs: a grep hit's `path:line` (exact), the
 * file that defines a name (locate), the size of a search result (count), the error a run ended
 * with (causal), and a name the trajectory never mentions (negative). Cut outputs are never used.
 */
import type { ProbeDraft } from './probe-drafts.ts';
import { seenDefinitions, singleFileNames } from './seen-definitions.ts';
import { commandLabel, type ToolOutput } from './tool-outputs.ts';

const GREP_HIT = /^(?:\.\/)?([\w@+-][\w.@+/-]*\.[A-Za-z]\w*):(\d+):(.*)$/;
const SEARCH_COMMAND = /^(grep|find|ls|rg|git grep)\b|\|\s*grep\b/;
const ERROR_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)(?::\s.*)?$/;
const PYTEST_ERROR = /^E\s+([A-Za-z_][\w.]*(?:Error|Exception)\b.*)$/;
const USAGE_ERROR = /^\S+: error: .+$/;
// pytest names a failed test `path::name`; unittest's `FAILED (failures=2)` summary names none.
const FAILED_TEST = /^FAILED (\S+::\S+)/;
const REPORTED_FAILURE = /^\S.*\bFAILED\b.*$/;
const MAX_ANSWER_CHARS = 200;

/** Exact: one grep hit per output, the middle one of those whose text and `path:line` are unique. */
export function exactCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  const drafts: ProbeDraft[] = [];
  for (const output of outputs) {
    const hits = output.lines.flatMap((line) => {
      const m = GREP_HIT.exec(line);
      return m === null ? [] : [{ at: `${m[1]}:${m[2]}`, text: (m[3] ?? '').trim() }];
    });
    const count = (key: (h: { at: string; text: string }) => string, value: string) =>
      hits.filter((h) => key(h) === value).length;
    const good = hits.filter(
      (h) =>
        h.text.length >= 8 &&
        h.text.length <= 100 &&
        count((x) => x.text, h.text) === 1 &&
        count((x) => x.at, h.at) === 1,
    );
    const hit = good[Math.floor(good.length / 2)];
    if (hit === undefined) continue;
    drafts.push({
      name: 'grep-hit',
      kind: 'exact',
      question: `Which path:line did \`${commandLabel(output.command)}\` report for the line \`${hit.text}\`?`,
      answers: [hit.at],
      turn: output.turn,
    });
  }
  return drafts;
}

/** Exact: a whole definition line (`def name(args) -> T:`, `class Name(Base):`), as printed. */
export function signatureCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  const asked = new Set<string>();
  return seenDefinitions(outputs).flatMap((d) => {
    if (!d.text.endsWith(':') || !d.text.includes('(') || d.text.length > 150 || asked.has(d.name)) return [];
    asked.add(d.name);
    return [
      {
        name: 'signature',
        kind: 'exact' as const,
        question: `What is the full \`${d.keyword}\` line of \`${d.name}\` in \`${d.file}\`, as the output shows it?`,
        answers: [d.text],
        turn: d.turn,
      },
    ];
  });
}

/** Locate: the only file the trajectory shows defining a name; hits that print their path first. */
export function locateCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  const definitions = seenDefinitions(outputs);
  const single = singleFileNames(definitions);
  const usable = definitions.filter((d) => single.has(d.name));
  const ordered = [...usable.filter((d) => d.pathInOutput), ...usable.filter((d) => !d.pathInOutput)];
  const asked = new Set<string>();
  const drafts: ProbeDraft[] = [...gettextCandidates(outputs)];
  for (const d of ordered) {
    if (asked.has(d.name)) continue;
    asked.add(d.name);
    const what = d.keyword === 'class' ? 'class' : 'function';
    drafts.push({
      name: 'defining-file',
      kind: 'locate',
      question: `Which file do the outputs show defining the ${what} \`${d.name}\`?`,
      answers: [d.file],
      turn: d.turn,
    });
  }
  return drafts;
}

const PO_MSGID = /^[\w@+/.-]+\.pot?:msgid "(.+)"$/;

/**
 * Locate, for a search over a translated project: the one Python module among the hits that wraps
 * a message the `.po` catalogues translate in `_()`, i.e. the code that emits it.
 */
function gettextCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  const drafts: ProbeDraft[] = [];
  for (const output of outputs) {
    const messages = new Set(output.lines.flatMap((line) => PO_MSGID.exec(line)?.[1] ?? []));
    for (const message of [...messages].sort()) {
      const quoted = [`_('${message}')`, `_("${message}")`];
      const modules = new Set(
        output.lines.flatMap((line) => {
          const [file = '', ...rest] = line.split(':');
          return file.endsWith('.py') && quoted.some((q) => rest.join(':').includes(q))
            ? [file.replace(/^\.\//, '')]
            : [];
        }),
      );
      if (modules.size !== 1) continue;
      drafts.push({
        name: 'message-source',
        kind: 'locate',
        question: `Among the hits of \`${commandLabel(output.command)}\`, mostly translation catalogues, which Python module emits the message \`${message}\`?`,
        answers: [...modules],
        turn: output.turn,
      });
    }
  }
  return drafts;
}

/** Count: the length of a search result as the model reads it; largest first. Never verbatim. */
export function countCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  return outputs
    .filter((o) => !o.elided && o.lines.length >= 5 && SEARCH_COMMAND.test(o.command.trim()))
    .sort((a, b) => b.messageLines - a.messageLines || a.turn - b.turn)
    .map((o) => ({
      name: 'result-lines',
      kind: 'count' as const,
      question: `How many lines long is the tool result of \`${commandLabel(o.command)}\`, counting its <returncode> and <output> tag lines?`,
      answers: [String(o.messageLines)],
      turn: o.turn,
      liveOnly: true,
    }));
}

/** The failure an output reports, as a question and its verbatim answers, or null. */
function failureOf(output: ToolOutput): { question: string; answers: string[] } | null {
  const label = commandLabel(output.command);
  const lines = output.lines;
  const failedTests = lines.flatMap((l) => FAILED_TEST.exec(l)?.[1] ?? []);
  if (failedTests.length > 0)
    return { question: `Which test did \`${label}\` report as FAILED?`, answers: failedTests };
  const tracebackAt = lines.findIndex((l) => l.startsWith('Traceback (most recent call last)'));
  if (tracebackAt >= 0) {
    const last = lines
      .slice(tracebackAt)
      .filter((l) => ERROR_LINE.test(l))
      .pop();
    if (last !== undefined)
      return { question: `What exception ends the traceback printed by \`${label}\`?`, answers: [last.trim()] };
  }
  const pytestError = lines.flatMap((l) => PYTEST_ERROR.exec(l)?.[1] ?? []).pop();
  if (pytestError !== undefined)
    return { question: `What error does the failing test in \`${label}\` raise?`, answers: [pytestError.trim()] };
  if (output.returncode !== null && output.returncode !== 0) {
    const error = lines.filter((l) => USAGE_ERROR.test(l) || ERROR_LINE.test(l)).pop();
    if (error !== undefined) return { question: `What error did \`${label}\` exit with?`, answers: [error.trim()] };
  }
  const printed = lines.filter((l) => l.trim() !== '');
  if (output.returncode !== null && output.returncode !== 0 && printed.length >= 1 && printed.length <= 3) {
    const last = printed[printed.length - 1] ?? '';
    return { question: `Why did \`${label}\` fail (exit code ${output.returncode})?`, answers: [last.trim()] };
  }
  const reported = lines.find((l) => REPORTED_FAILURE.test(l));
  if (reported !== undefined)
    return { question: `What failure did \`${label}\` report first?`, answers: [reported.trim()] };
  return null;
}

/** Causal: the exception, failed test or error message a command ended with. */
export function causalCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  return outputs.flatMap((output) => {
    const failure = output.elided ? null : failureOf(output);
    if (failure === null) return [];
    const answers = failure.answers.filter((a) => a.length <= MAX_ANSWER_CHARS);
    return answers.length === 0
      ? []
      : [{ name: 'failure', kind: 'causal' as const, question: failure.question, answers, turn: output.turn }];
  });
}

const FAKE_SUFFIXES = ['_cached', '_legacy', '_v2'];

/** Negative: a name the trajectory defines, with a plausible suffix, asked about as if it existed. */
export function negativeCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  const asked = new Set<string>();
  return seenDefinitions(outputs).flatMap((d) => {
    if (asked.has(d.name)) return [];
    asked.add(d.name);
    return FAKE_SUFFIXES.map((suffix) => ({
      name: 'absent-name',
      kind: 'negative' as const,
      question: `Which file defines \`${d.name}${suffix}\`?`,
      answers: [`${d.name}${suffix}`],
      turn: d.turn,
    }));
  });
}

/** Every positive candidate the outputs give: grep hits, signatures, defining files, failures, result sizes. */
export function outputCandidates(outputs: readonly ToolOutput[]): ProbeDraft[] {
  return [
    ...exactCandidates(outputs),
    ...signatureCandidates(outputs),
    ...locateCandidates(outputs),
    ...causalCandidates(outputs),
    ...countCandidates(outputs),
  ];
}
