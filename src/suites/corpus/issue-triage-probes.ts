/**
 * Probes over a triage session, derived from the issues' text: an issue's number from its title
 * (exact), the error an issue quotes and the value that triggers it (causal), the one issue that
 * mentions an identifier (locate), labels per page (count), numbers and names that never occur.
 */
import { containsAnswer } from '../../bench/answer-match.ts';
import type { ProbeDraft } from '../../bench/derive/probe-drafts.ts';
import type { TraceText } from '../../bench/trace-text.ts';
import type { TrackerIssue } from './swebench-issues.ts';

const QUOTED_ERROR = /^[\s>*`#-]*((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning): [^\n]{3,160}?)[\s*`]*$/m;
const TRIGGER = /only when (?:the )?(\w[\w ]{0,30}?) is (?:given|set|passed) as ["'`]([^"'`\n]{1,40})["'`]/;
const CODE_SPAN = /`([A-Za-z_][\w.]{5,60})(?:\(\))?`/g;

/** The first message showing `answer`, or -1. */
function firstTurnShowing(text: TraceText, answer: string): number {
  for (let turn = 0; turn < text.sentMessages; turn++) if (containsAnswer(text.message(turn), answer)) return turn;
  return -1;
}

/** Exact and causal drafts about each issue on its own. */
function perIssueDrafts(text: TraceText, issue: TrackerIssue): ProbeDraft[] {
  const n = issue.number;
  const drafts: ProbeDraft[] = [
    {
      name: 'issue-number',
      kind: 'exact',
      question: `What is the number of the ${issue.repo} issue titled "${issue.title}"?`,
      answers: [String(n)],
      turn: firstTurnShowing(text, issue.title),
    },
  ];
  const bodyError = QUOTED_ERROR.exec(issue.body)?.[1];
  if (bodyError !== undefined)
    drafts.push({
      name: 'reported-error',
      kind: 'causal',
      question: `What error message does ${issue.repo} issue #${n} report?`,
      answers: [bodyError.trim()],
      turn: firstTurnShowing(text, bodyError),
    });
  const commentError = QUOTED_ERROR.exec(issue.comments)?.[1];
  if (commentError !== undefined && commentError !== bodyError) {
    drafts.push({
      name: 'comment-error',
      kind: 'exact',
      question: `Which error message is quoted in the comments on ${issue.repo} issue #${n}?`,
      answers: [commentError.trim()],
      turn: firstTurnShowing(text, commentError),
    });
  }
  const trigger = TRIGGER.exec(issue.body);
  if (trigger !== null) {
    const [phrase, what = '', value = ''] = trigger;
    drafts.push({
      name: 'trigger',
      kind: 'causal',
      question: `In ${issue.repo} issue #${n}, which ${what} makes the error happen?`,
      answers: [value],
      turn: firstTurnShowing(text, phrase),
    });
  }
  return drafts;
}

/** Locate: identifiers (code spans) that only one issue of the session mentions. */
function mentionDrafts(text: TraceText, issues: readonly TrackerIssue[]): ProbeDraft[] {
  const owners = new Map<string, Set<number>>();
  for (const issue of issues) {
    for (const m of `${issue.body}\n${issue.comments}`.matchAll(CODE_SPAN)) {
      const name = m[1] ?? '';
      owners.set(name, (owners.get(name) ?? new Set()).add(issue.number));
    }
  }
  const drafts: ProbeDraft[] = [];
  for (const issue of issues) {
    const others = issues.filter((i) => i !== issue);
    for (const [name, set] of owners) {
      // Unique by whole-token search too: a name inside another issue's prose would make two answers.
      if (
        !set.has(issue.number) ||
        set.size !== 1 ||
        others.some((o) => containsAnswer(`${o.title}\n${o.body}\n${o.comments}`, name))
      )
        continue;
      drafts.push({
        name: 'mentioning-issue',
        kind: 'locate',
        question: `Which ${issue.repo} issue mentions \`${name}\`? Give its number.`,
        answers: [String(issue.number)],
        turn: firstTurnShowing(text, name),
      });
      drafts.push({
        name: 'absent-name',
        kind: 'negative',
        question: `Which issue reports a problem in \`${name}_legacy\`?`,
        answers: [`${name}_legacy`],
        turn: firstTurnShowing(text, name),
      });
      break;
    }
  }
  return drafts;
}

/** Count: issues per list page carrying the `bug` label; not verbatim, so live-only. */
function labelCountDrafts(text: TraceText, issues: readonly TrackerIssue[], perPage: number): ProbeDraft[] {
  const drafts: ProbeDraft[] = [];
  const repos = [...new Set(issues.map((i) => i.repo))];
  for (const repo of repos) {
    const own = issues.filter((i) => i.repo === repo);
    for (let start = 0; start < own.length; start += perPage) {
      const page = own.slice(start, start + perPage);
      const first = page[0];
      if (first === undefined) continue;
      const bugs = page.filter((i) => i.labels.includes('bug')).length;
      drafts.push({
        name: 'bug-count',
        kind: 'count',
        question: `How many issues on page ${start / perPage + 1} of the ${repo} issue list carry the label "bug"?`,
        answers: [String(bugs)],
        turn: firstTurnShowing(text, first.title),
        liveOnly: true,
      });
    }
  }
  return drafts;
}

/** Negative: issue numbers just past each repository's highest that never occur in the session. */
function absentNumberDrafts(text: TraceText, issues: readonly TrackerIssue[]): ProbeDraft[] {
  const drafts: ProbeDraft[] = [];
  for (const repo of [...new Set(issues.map((i) => i.repo))]) {
    const own = issues.filter((i) => i.repo === repo);
    const last = own[own.length - 1];
    if (last === undefined) continue;
    for (let fake = last.number + 1; fake < last.number + 200; fake++) {
      if (text.occurs(String(fake))) continue;
      drafts.push({
        name: 'absent-issue',
        kind: 'negative',
        question: `What is the title of ${repo} issue #${fake}?`,
        answers: [String(fake)],
        turn: firstTurnShowing(text, last.title),
      });
      break;
    }
  }
  return drafts;
}

/** Every candidate draft of a triage session, in the order they are preferred. */
export function triageDrafts(text: TraceText, issues: readonly TrackerIssue[], perPage: number): ProbeDraft[] {
  const own = issues.flatMap((issue) => perIssueDrafts(text, issue));
  // A trigger value is the sharpest causal fact an issue states: preferred over its error line.
  return [
    ...own.filter((d) => d.name === 'trigger'),
    ...own.filter((d) => d.name !== 'trigger'),
    ...mentionDrafts(text, issues),
    ...labelCountDrafts(text, issues, perPage),
    ...absentNumberDrafts(text, issues),
  ];
}
