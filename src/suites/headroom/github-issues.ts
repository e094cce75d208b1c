/**
 * Generated GitHub issue listing (`github_list_issues`): `{total_count, items: [{number, title,
 * state, user{login, avatar_url}, labels[], created_at, updated_at, comments, body}]}` with
 * markdown bodies filled in from bug, feature and docs templates.
 */
import type { SeededRandom } from './seeded-random.ts';
import { isoSeconds } from './timestamps.ts';

/** One issue as the GitHub REST API lists it (the fields the reference keeps). */
export type Issue = {
  number: number;
  title: string;
  state: 'open' | 'closed';
  user: { login: string; avatar_url: string };
  labels: string[];
  created_at: string;
  updated_at: string;
  comments: number;
  body: string;
};

/** Labels routine issues carry; a planted issue may add others. */
export const ROUTINE_LABELS: readonly string[] = [
  'bug',
  'enhancement',
  'docs',
  'needs-triage',
  'good first issue',
  'performance',
];

const AREAS: readonly string[] = [
  'CLI',
  'scheduler',
  'web dashboard',
  'REST API',
  'config loader',
  'plugin host',
  'exporter',
];
const SYMPTOMS: readonly string[] = [
  'crashes on empty input',
  'hangs on shutdown',
  'ignores the --quiet flag',
  'returns 500 on large payloads',
  'drops the last line of output',
  'double-counts retries',
  'fails behind an HTTP proxy',
];
const FEATURES: readonly string[] = [
  'YAML config',
  'dark mode',
  'JSON output',
  'retry backoff',
  'SSO login',
  'bulk export',
];
const PLATFORMS: readonly string[] = ['Ubuntu 22.04', 'macOS 14', 'Windows 11', 'Alpine 3.19', 'Debian 12'];
const HANDLES: readonly string[] = [
  'kestrel',
  'mossy',
  'quartzfox',
  'lowtide',
  'brightwren',
  'tamarind',
  'okapi',
  'cinder',
  'fjord',
];

type IssueDraft = { readonly title: string; readonly kind: 'bug' | 'feature' | 'docs'; readonly body: string };

function bugDraft(rng: SeededRandom, version: string): IssueDraft {
  const area = rng.pick(AREAS);
  const symptom = rng.pick(SYMPTOMS);
  return {
    kind: 'bug',
    title: `${area} ${symptom}`,
    body: [
      '## Description',
      '',
      `The ${area} ${symptom} since ${version}.`,
      '',
      '## Steps to Reproduce',
      '',
      `1. Install ${version}`,
      `2. Open the ${area}`,
      '3. Repeat the last step',
      '',
      '## Expected Behavior',
      '',
      'It works as in the previous release.',
      '',
      '## Environment',
      '',
      `- OS: ${rng.pick(PLATFORMS)}`,
      `- Version: ${version}`,
    ].join('\n'),
  };
}

function featureDraft(rng: SeededRandom): IssueDraft {
  const feature = rng.pick(FEATURES);
  const area = rng.pick(AREAS);
  return {
    kind: 'feature',
    title: `Support ${feature} in the ${area}`,
    body: [
      '## Problem',
      '',
      `Teams using the ${area} want ${feature}.`,
      '',
      '## Proposal',
      '',
      `Add ${feature} behind a flag.`,
      '',
      '## Alternatives',
      '',
      'A wrapper script, which is brittle.',
    ].join('\n'),
  };
}

function docsDraft(rng: SeededRandom): IssueDraft {
  const area = rng.pick(AREAS);
  return {
    kind: 'docs',
    title: `Docs: ${area} guide is out of date`,
    body: [
      '## Page',
      '',
      `docs/${area.replace(/ /g, '-').toLowerCase()}.md`,
      '',
      "## What's wrong",
      '',
      'The example uses a removed option.',
    ].join('\n'),
  };
}

/** A login and its avatar, GitHub style. */
export function githubUser(rng: SeededRandom): { login: string; avatar_url: string } {
  return {
    login: `${rng.pick(HANDLES)}${rng.int(1, 999)}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${rng.int(1_000, 999_999)}`,
  };
}

/** `count` issues numbered from `firstNumber`, about two thirds open. */
export function generateIssues(rng: SeededRandom, count: number, firstNumber: number): Issue[] {
  const version = `v${rng.int(2, 4)}.${rng.int(0, 9)}.0`;
  const issues: Issue[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    const draft = roll < 0.45 ? bugDraft(rng, version) : roll < 0.75 ? featureDraft(rng) : docsDraft(rng);
    const labels = new Set<string>([draft.kind === 'bug' ? 'bug' : draft.kind === 'docs' ? 'docs' : 'enhancement']);
    const extra = rng.int(0, 2);
    for (let k = 0; k < extra; k++) labels.add(rng.pick(ROUTINE_LABELS));
    const created = -rng.int(5 * 86_400, 120 * 86_400);
    issues.push({
      number: firstNumber + i,
      title: draft.title,
      state: rng.chance(0.67) ? 'open' : 'closed',
      user: githubUser(rng),
      labels: [...labels],
      created_at: isoSeconds(created),
      updated_at: isoSeconds(created + rng.int(3600, 4 * 86_400)),
      comments: rng.int(0, 48),
      body: draft.body,
    });
  }
  return issues;
}

/** The `github_list_issues` result object. */
export function issueListResult(issues: readonly Issue[]): { total_count: number; items: Issue[] } {
  return { total_count: issues.length, items: issues.slice() };
}
