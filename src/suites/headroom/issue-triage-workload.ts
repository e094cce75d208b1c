/**
 * The `issue-triage` session: 100 GitHub issues, a code search of 80 results and 200 log entries.
 * Planted through all three: a high-priority regression (a worker leaking sockets on reconnect),
 * the file that opens the socket, and the EMFILE errors it causes in the worker's logs.
 */
import type { Probe } from '../../bench/probe.ts';
import type { Trace } from '../../bench/trace.ts';
import { codeSearchItem, codeSearchResult, createRepositories, generateCodeSearchItems } from './github-code-search.ts';
import { generateIssues, issueListResult } from './github-issues.ts';
import { itemAt } from './item-at.ts';
import { buildOpenAiSession, toolResultTurn } from './openai-session.ts';
import { firstAbsent, writeProbes } from './probe-writer.ts';
import { pythonJsonDumps } from './python-json.ts';
import { createSeededRandom } from './seeded-random.ts';
import { createFleet, generateLogEntries, logSearchResult, plantLogEntry } from './service-logs.ts';
import type { CallPlan } from './session-calls.ts';

const SYSTEM =
  'You help maintainers triage GitHub issues.\nGroup related reports, spot regressions and point at the code involved.';
const TRIAGE_SERVICES: readonly string[] = [
  'sync-worker',
  'api-server',
  'scheduler',
  'webhook-dispatcher',
  'auth-proxy',
];
const STEMS: readonly string[] = ['connection', 'client', 'socket', 'session', 'transport', 'pool'];

/** A generated issue-triage trace and its probes. */
export function buildIssueTriageTrace(seed: number, calls: CallPlan): { trace: Trace; probes: Probe[] } {
  const rng = createSeededRandom(seed, 'issue-triage');

  // Issues, with the regression planted in the middle of the list.
  const issues = generateIssues(rng, 100, rng.int(1200, 4800));
  const leak = itemAt(issues, rng.int(40, 60), 'issue');
  const early = itemAt(issues, rng.int(2, 8), 'issue');
  leak.title = 'sync-worker leaks sockets after every reconnect';
  leak.state = 'open';
  leak.labels = ['bug', 'regression', 'priority: high'];
  leak.body = [
    '## Description',
    '',
    'After a broker restart the worker process hits EMFILE within an hour.',
    '',
    '## Root cause',
    '',
    'The reconnect path opens a new socket without closing the old one.',
    '',
    '## Environment',
    '',
    '- OS: Debian 12',
  ].join('\n');
  const openBugs = issues.filter((issue) => issue.state === 'open' && issue.labels.includes('bug')).length;

  // Code search for "reconnect", with the project's own connection module planted.
  const repositories = createRepositories(rng);
  const items = generateCodeSearchItems(rng, repositories, 'reconnect', STEMS, 80);
  const own = { ...rng.pick(repositories.filter((repo) => repo.language === 'TypeScript')) };
  const ownIndex = rng.int(25, 40);
  const ownItem = codeSearchItem(rng, own, 'reconnect', 'worker', {
    path: 'src/worker/broker-connection.ts',
    fragment: 'async reconnect() {\n  this.socket = net.connect(this.options);\n  this.emit("reconnected");',
  });
  ownItem.score = items[ownIndex]?.score ?? ownItem.score;
  items[ownIndex] = ownItem;

  // Logs: the worker starts failing with EMFILE late in the window.
  const pods = createFleet(rng, TRIAGE_SERVICES);
  const workers = pods.filter((pod) => pod.service === 'sync-worker');
  const entries = generateLogEntries(rng, pods, { count: 200, startSeconds: 14 * 3600, maxGapSeconds: 15 });
  const emfile: number[] = [];
  for (let index = rng.int(120, 130); index < 200; index += rng.int(6, 12)) emfile.push(index);
  const planted = emfile.map((index) =>
    plantLogEntry(
      entries,
      index,
      rng.pick(workers),
      'ERROR',
      `accept failed: EMFILE (too many open files), fds=${rng.int(1020, 1024)}`,
      rng.hex(16),
    ),
  );
  const firstEmfile = itemAt(planted, 0, 'EMFILE error');
  const lastEmfile = itemAt(planted, planted.length - 1, 'EMFILE error');

  const trace = buildOpenAiSession(rng, {
    id: `issue-triage-seed${seed}`,
    workload: 'issue-triage',
    generator: 'issue-triage',
    seed,
    system: SYSTEM,
    user: 'Can you go through our issues and tell us which bugs to fix first, and whether any are related?',
    steps: [
      {
        name: 'github_list_issues',
        arguments: { state: 'all', per_page: 100 },
        result: pythonJsonDumps(issueListResult(issues), 2),
      },
      {
        name: 'github_search_code',
        arguments: { q: 'reconnect', per_page: 80 },
        result: pythonJsonDumps(codeSearchResult(items, 80 * rng.int(20, 60)), 2),
      },
      {
        name: 'search_logs',
        arguments: { query: 'env:production', limit: 200 },
        result: pythonJsonDumps(logSearchResult(entries, 200 * rng.int(8, 14)), 2),
      },
    ],
    finalUser: 'Which issues should we prioritise, and why?',
    calls,
  });

  const [issueTurn, codeTurn, logTurn] = [toolResultTurn(0), toolResultTurn(1), toolResultTurn(2)];
  const absentLabel = firstAbsent(trace, ['wontfix', 'status: blocked', 'security']);
  const probes = writeProbes(trace, [
    {
      name: 'early-author',
      kind: 'exact',
      turn: issueTurn,
      question: `Who opened issue ${early.number}?`,
      answers: [early.user.login],
    },
    {
      name: 'leak-number',
      kind: 'exact',
      turn: issueTurn,
      question: 'Which issue number reports sockets leaking after reconnect?',
      answers: [String(leak.number)],
    },
    {
      name: 'leak-cause',
      kind: 'causal',
      turn: issueTurn,
      question: 'What does the socket-leak issue give as its root cause?',
      answers: ['opens a new socket without closing the old one'],
    },
    {
      name: 'open-bugs',
      kind: 'count',
      turn: issueTurn,
      liveOnly: true,
      question: 'How many open issues carry the bug label?',
      answers: [String(openBugs)],
    },
    {
      name: 'own-repo-stars',
      kind: 'count',
      turn: codeTurn,
      question: `How many stars does ${own.full_name} have?`,
      answers: [String(own.stars)],
    },
    {
      name: 'reconnect-file',
      kind: 'locate',
      turn: codeTurn,
      question: 'Which file opens the broker socket in reconnect()?',
      answers: [ownItem.path],
    },
    {
      name: 'reconnect-sha',
      kind: 'exact',
      turn: codeTurn,
      question: `What is the sha of ${ownItem.path}?`,
      answers: [ownItem.sha],
    },
    {
      name: 'first-emfile-trace',
      kind: 'exact',
      turn: logTurn,
      question: 'Which trace_id is on the first EMFILE error?',
      answers: [firstEmfile.trace_id],
    },
    {
      name: 'last-emfile-host',
      kind: 'locate',
      turn: logTurn,
      question: 'Which host logged the last EMFILE error?',
      answers: [lastEmfile.metadata.host],
    },
    {
      name: 'emfile-count',
      kind: 'count',
      turn: logTurn,
      liveOnly: true,
      question: 'How many EMFILE errors are in the logs?',
      answers: [String(planted.length)],
    },
    {
      name: 'absent-label',
      kind: 'negative',
      turn: issueTurn,
      question: `Which issues carry the ${absentLabel} label?`,
      answers: [absentLabel],
    },
  ]);
  return { trace, probes };
}
