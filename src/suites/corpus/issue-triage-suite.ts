/** The issue-triage part of the corpus suite: trackers rendered from SWE-bench issues. */
import path from 'node:path';
import type { Probe } from '../../bench/probe.ts';
import type { SuiteContent } from '../../bench/suite.ts';
import type { Trace } from '../../bench/trace.ts';
import { spreadDrafts, toProbes } from '../../bench/derive/probe-drafts.ts';
import { traceText } from '../../bench/trace-text.ts';
import { triageDrafts } from './issue-triage-probes.ts';
import { buildTriageSession, ISSUES_PER_PAGE, type RepoIssues } from './issue-triage-session.ts';
import { readSwebenchIssues, type TrackerIssue } from './swebench-issues.ts';

/** Repositories of SWE-bench Verified read as one large tracker each, and how many issues. */
const VERIFIED_TRACKERS: readonly { readonly repo: string; readonly issues: number }[] = [
  { repo: 'django/django', issues: 40 },
  { repo: 'sympy/sympy', issues: 40 },
  { repo: 'sphinx-doc/sphinx', issues: 40 },
];

function byRepo(issues: readonly TrackerIssue[]): RepoIssues[] {
  const repos = [...new Set(issues.map((i) => i.repo))];
  return repos.map((repo) => ({ repo, issues: issues.filter((i) => i.repo === repo) }));
}

/** One session over the whole Lite dev split (six small trackers), one per large Verified tracker. */
export async function buildIssueTriageSuite(corpusDir: string): Promise<SuiteContent> {
  const dir = path.join(corpusDir, 'swebench-issues');
  const lite = await readSwebenchIssues(dir, 'swebench_lite_dev.json');
  const verified = await readSwebenchIssues(dir, 'swebench_verified_all_evaluations.json');
  const sessions: { id: string; trackers: RepoIssues[]; source: string }[] = [
    { id: 'swebench-lite-dev-triage', trackers: byRepo(lite), source: 'swebench-issues/swebench_lite_dev.json' },
    ...VERIFIED_TRACKERS.map(({ repo, issues }) => ({
      id: `swebench-${repo.split('/')[1] ?? repo}-triage`,
      trackers: [{ repo, issues: verified.filter((i) => i.repo === repo).slice(0, issues) }],
      source: 'swebench-issues/swebench_verified_all_evaluations.json',
    })),
  ];
  const traces: Trace[] = [];
  const probes: Probe[] = [];
  for (const session of sessions) {
    const trace = buildTriageSession(session.id, session.trackers, session.source);
    const text = traceText(trace);
    const issues = session.trackers.flatMap((t) => t.issues);
    traces.push(trace);
    probes.push(
      ...toProbes(trace.header.id, spreadDrafts(text, triageDrafts(text, issues, ISSUES_PER_PAGE), { count: 2 })),
    );
  }
  return { traces, probes };
}
