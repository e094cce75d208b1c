/**
 * An issue-triage session over repository trackers, Anthropic-shaped: the agent lists each
 * repository's issues page by page and opens some of each page with their comments, then answers.
 */
import type { JsonObject } from '../../types.ts';
import { callBeforeEachAssistant, type Trace } from '../../bench/trace.ts';
import { renderIssueList, renderIssueView } from './issue-tracker-output.ts';
import type { TrackerIssue } from './swebench-issues.ts';

/** Issues per `list_issues` page. */
export const ISSUES_PER_PAGE = 10;
/** Issues opened with `get_issue` from each page. */
const OPENED_PER_PAGE = 3;

const SYSTEM_PROMPT = [
  'You triage GitHub issues for a maintainer team. Use list_issues and get_issue to read the tracker.',
  'Quote issue numbers, error messages and identifiers exactly as the issues give them.',
].join('\n');

const TOOLS: JsonObject[] = [
  {
    name: 'list_issues',
    description: 'List issues of a repository, newest numbers last, as GitHub REST API JSON.',
    input_schema: {
      type: 'object',
      properties: {
        repo: { type: 'string' },
        state: { type: 'string' },
        page: { type: 'integer' },
        per_page: { type: 'integer' },
      },
      required: ['repo'],
    },
  },
  {
    name: 'get_issue',
    description: 'Show one issue with its body and comments, as `gh issue view --comments` prints it.',
    input_schema: {
      type: 'object',
      properties: { repo: { type: 'string' }, number: { type: 'integer' } },
      required: ['repo', 'number'],
    },
  },
];

/** One repository's tracker as a session reads it. */
export interface RepoIssues {
  readonly repo: string;
  readonly issues: readonly TrackerIssue[];
}

/** Issues worth opening first: those quoting an error, then the longest discussions. */
function openedFrom(page: readonly TrackerIssue[]): TrackerIssue[] {
  const weight = (i: TrackerIssue) =>
    (/(?:Error|Exception)\b/.test(i.body) ? 1_000_000 : 0) + i.body.length + i.comments.length;
  if (page.length <= OPENED_PER_PAGE + 2) return [...page];
  return [...page]
    .sort((a, b) => weight(b) - weight(a) || a.number - b.number)
    .slice(0, OPENED_PER_PAGE)
    .sort((a, b) => a.number - b.number);
}

/** The trace of one triage session over the trackers of one or more repositories. */
export function buildTriageSession(id: string, trackers: readonly RepoIssues[], source: string): Trace {
  const repos = trackers.map((t) => t.repo).join(', ');
  const messages: JsonObject[] = [
    {
      role: 'user',
      content: `Triage the reports of ${repos}: which are bugs, what triggers each, and which need a maintainer first?`,
    },
  ];
  let calls = 0;
  const step = (name: string, input: JsonObject, result: string) => {
    const useId = `toolu_${id.replace(/[^a-z0-9]/gi, '')}_${++calls}`;
    messages.push({ role: 'assistant', content: [{ type: 'tool_use', id: useId, name, input }] });
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: useId, content: result }] });
  };
  for (const { repo, issues } of trackers) {
    for (let start = 0; start < issues.length; start += ISSUES_PER_PAGE) {
      const page = issues.slice(start, start + ISSUES_PER_PAGE);
      step(
        'list_issues',
        { repo, state: 'all', page: start / ISSUES_PER_PAGE + 1, per_page: ISSUES_PER_PAGE },
        renderIssueList(page),
      );
      for (const issue of openedFrom(page)) step('get_issue', { repo, number: issue.number }, renderIssueView(issue));
    }
  }
  messages.push({
    role: 'user',
    content: 'Summarise the triage: for each issue opened, its kind, its trigger and the exact error it reports.',
  });
  const events = callBeforeEachAssistant(messages);
  return {
    header: {
      version: 1,
      type: 'trace',
      id,
      workload: 'issue-triage',
      provider: 'anthropic',
      request: { model: 'claude-sonnet-4-5', max_tokens: 2048, system: SYSTEM_PROMPT, tools: TOOLS },
      source: { format: 'corpus-swebench-issues', file: source },
    },
    events,
  };
}
