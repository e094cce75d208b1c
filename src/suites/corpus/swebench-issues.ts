/**
 * SWE-bench task instances read as the GitHub issues they came from: number from the instance id,
 * title and body from the problem statement, the comments SWE-bench merged into `hints_text`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidTraceError } from '../../errors.ts';

/** One issue as a tracker would hold it. */
export interface TrackerIssue {
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly body: string;
  /** The comments before the fix, concatenated (SWE-bench keeps no authors or boundaries); may be empty. */
  readonly comments: string;
  /** ISO time, where the source records it. */
  readonly createdAt: string | null;
  /** Derived from the text, so the same issue always gets the same labels. */
  readonly labels: readonly string[];
}

/** Labels and the wording that earns each; kept coarse, as a triager's first pass would be. */
const LABEL_RULES: readonly { readonly label: string; readonly pattern: RegExp }[] = [
  {
    label: 'bug',
    pattern: /Traceback|\b\w*(?:Error|Exception)\b|\bcrash|\bfails?\b|\bincorrect|\bwrong\b|\bbroken\b|\bregression/i,
  },
  {
    label: 'enhancement',
    pattern: /feature request|would be (?:nice|useful|great)|\badd support\b|\bsupport for\b|\bshould allow\b/i,
  },
  { label: 'documentation', pattern: /\bdocumentation\b|\bdocstring\b|\bdocs\b/i },
  { label: 'has-traceback', pattern: /Traceback \(most recent call last\)/ },
];

function labelsOf(text: string): string[] {
  return LABEL_RULES.filter((rule) => rule.pattern.test(text)).map((rule) => rule.label);
}

/** An issue from an instance's fields; null when the instance id carries no number. */
function issueOf(file: string, fields: Record<string, unknown>): TrackerIssue | null {
  const id = String(fields.instance_id ?? '');
  const number = Number(/-(\d+)$/.exec(id)?.[1] ?? NaN);
  const statement = String(fields.problem_statement ?? '').replace(/\r\n/g, '\n');
  if (Number.isNaN(number) || statement.trim() === '') return null;
  const [title = '', ...rest] = statement.split('\n');
  const repo = typeof fields.repo === 'string' ? fields.repo : '';
  if (repo === '') throw new InvalidTraceError(file, null, `instance ${id} names no repo`);
  const body = rest.join('\n').trim();
  const comments = String(fields.hints_text ?? '')
    .replace(/\r\n/g, '\n')
    .trim();
  return {
    repo,
    number,
    title: title.trim(),
    body,
    comments,
    createdAt: typeof fields.created_at === 'string' ? fields.created_at : null,
    labels: labelsOf(`${title}\n${body}`),
  };
}

/** Every issue of one SWE-bench JSON file (an array of instances), by repo then number. */
export async function readSwebenchIssues(dir: string, name: string): Promise<TrackerIssue[]> {
  const file = path.join(dir, name);
  const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) throw new InvalidTraceError(file, null, 'expected an array of SWE-bench instances');
  return parsed
    .flatMap((entry) =>
      typeof entry === 'object' && entry !== null ? [issueOf(file, entry as Record<string, unknown>)] : [],
    )
    .filter((issue): issue is TrackerIssue => issue !== null)
    .sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
}
