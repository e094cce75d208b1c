/** What an issue tracker's tools print: GitHub-API-like JSON for a list, `gh issue view --comments` for one. */
import type { JsonObject } from '../../types.ts';
import type { TrackerIssue } from './swebench-issues.ts';

/** One list entry as the GitHub REST API shapes it (the fields this corpus has). */
function apiIssue(issue: TrackerIssue): JsonObject {
  return {
    url: `https://api.github.com/repos/${issue.repo}/issues/${issue.number}`,
    html_url: `https://github.com/${issue.repo}/issues/${issue.number}`,
    number: issue.number,
    title: issue.title,
    state: 'closed',
    labels: issue.labels.map((name) => ({ name })),
    comments: issue.comments === '' ? 0 : 1,
    created_at: issue.createdAt,
    body: issue.body,
  };
}

/** `GET /repos/{repo}/issues?state=all&page=N`: the page's issues as pretty JSON. */
export function renderIssueList(issues: readonly TrackerIssue[]): string {
  return JSON.stringify(issues.map(apiIssue), null, 2);
}

/** `gh issue view N --comments` (non-interactive form): fields, the body, then the comments. */
export function renderIssueView(issue: TrackerIssue): string {
  const fields = [
    `title:\t${issue.title}`,
    'state:\tCLOSED',
    `labels:\t${issue.labels.join(', ')}`,
    `comments:\t${issue.comments === '' ? 0 : 1}`,
    `number:\t${issue.number}`,
    `url:\thttps://github.com/${issue.repo}/issues/${issue.number}`,
    ...(issue.createdAt === null ? [] : [`created:\t${issue.createdAt}`]),
  ];
  // SWE-bench merged the comments into one text without authors, so they print as one block.
  const comments = issue.comments === '' ? [] : ['', '-- comments --', issue.comments];
  return [...fields, '--', issue.body, ...comments, ''].join('\n');
}
