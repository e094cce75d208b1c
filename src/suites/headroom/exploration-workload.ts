/**
 * The `exploration` session: "how is authentication implemented?". Three tool results: a
 * recursive directory tree, a file search of 200 results and a code search of 100 results.
 * Planted: a token-rotation module in the tree, a clock-skew check in the file search (the
 * reason refresh tokens get rejected), and the service's own `authenticate` in the code search.
 */
import type { Probe } from '../../bench/probe.ts';
import type { Trace } from '../../bench/trace.ts';
import { generateTree, planFanOut, treeFiles, type DirectoryNode } from './directory-tree.ts';
import { EXPLORATION_SEARCH_TOPIC } from './exploration-topic.ts';
import { fileSearchResult, generateFileHits } from './file-search.ts';
import { codeSearchItem, codeSearchResult, createRepositories, generateCodeSearchItems } from './github-code-search.ts';
import { itemAt } from './item-at.ts';
import { buildOpenAiSession, toolResultTurn } from './openai-session.ts';
import { firstAbsent, writeProbes } from './probe-writer.ts';
import { pythonJsonDumps } from './python-json.ts';
import { createSeededRandom } from './seeded-random.ts';
import type { CallPlan } from './session-calls.ts';

const SYSTEM = [
  'You are a developer assistant exploring an unfamiliar codebase.',
  'You can list the file tree, search files and search code on GitHub.',
  'Explain how the code is organised, citing files.',
].join('\n');

/**
 * Directories (root included) of the tree for seeds 0-2: the Headroom generator's tree varies a lot
 * per draw (7 to 20 directories for seeds 0-2), and these sizes track the reference files.
 */
const CALIBRATED_DIRECTORIES: Readonly<Record<number, number>> = { 0: 20, 1: 15, 2: 7 };

const ROOT = '/workspace/keystone';

/** A generated exploration trace and its probes. */
export function buildExplorationTrace(seed: number, calls: CallPlan): { trace: Trace; probes: Probe[] } {
  const rng = createSeededRandom(seed, 'exploration');

  // Tree, with one uniquely named module planted in a second-level directory.
  const plan = planFanOut(rng, CALIBRATED_DIRECTORIES[seed]);
  const tree = generateTree(rng, ROOT, plan);
  const nested = tree.children
    .filter((node): node is DirectoryNode => node.type === 'directory')
    .flatMap((node) => node.children.filter((child): child is DirectoryNode => child.type === 'directory'));
  const home = rng.pick(nested);
  const rotation = rng.pick(treeFiles(home));
  rotation.name = 'token_rotation.ts';
  rotation.path = `${home.path}/token_rotation.ts`;
  const directoryCount = 1 + plan.root + plan.children.reduce((sum, count) => sum + count, 0);

  // File search, with the clock-skew check planted late.
  const hits = generateFileHits(rng, EXPLORATION_SEARCH_TOPIC, { count: 200, secondMatchChance: 0.04 });
  const skewIndex = rng.int(150, 185);
  hits[skewIndex] = {
    ...itemAt(hits, skewIndex, 'file hit'),
    path: 'src/auth/refresh/verify.ts',
    matches: [
      {
        line: rng.int(20, 90),
        content: '  if (Math.abs(now - claims.iat) > MAX_SKEW) throw new TokenRejected();',
        context_before: '  // refresh tokens are rejected when clock skew exceeds 30s',
        context_after: '  return claims;',
      },
    ],
  };
  const filesSearched = 2000 + rng.int(1, 999);

  // Code search for "authenticate", with the service's own entry point planted early.
  const repositories = createRepositories(rng);
  const items = generateCodeSearchItems(
    rng,
    repositories,
    'authenticate',
    ['auth', 'session', 'login', 'middleware', 'credentials', 'token'],
    100,
  );
  const ownIndex = rng.int(5, 15);
  const ownRepository = {
    ...rng.pick(repositories.filter((repo) => repo.language === 'TypeScript')),
    full_name: 'keystone-app/keystone',
  };
  const own = codeSearchItem(rng, ownRepository, 'authenticate', 'auth', {
    path: 'src/auth/authenticate.ts',
    fragment:
      'export async function authenticate(req: Request) {\n  const sid = req.cookies.sid;\n  return verifySession(sid);',
  });
  own.score = items[ownIndex]?.score ?? own.score;
  items[ownIndex] = own;
  const codeTotal = 100 * rng.int(30, 80);

  const trace = buildOpenAiSession(rng, {
    id: `exploration-seed${seed}`,
    workload: 'exploration',
    generator: 'exploration',
    seed,
    system: SYSTEM,
    user: 'I need to understand how authentication works in this service. Which files matter, and what is the flow?',
    steps: [
      { name: 'filesystem_tree', arguments: { path: ROOT, depth: 3 }, result: pythonJsonDumps(tree, 2) },
      {
        name: 'search_files',
        arguments: { pattern: 'auth|token|session', path: ROOT },
        result: pythonJsonDumps(fileSearchResult(hits, filesSearched), 2),
      },
      {
        name: 'github_search_code',
        arguments: { q: 'authenticate', per_page: 100 },
        result: pythonJsonDumps(codeSearchResult(items, codeTotal), 2),
      },
    ],
    finalUser: 'So how does a request get authenticated, end to end?',
    calls,
  });

  const [treeTurn, fileTurn, codeTurn] = [toolResultTurn(0), toolResultTurn(1), toolResultTurn(2)];
  const absentPath = firstAbsent(trace, ['src/auth/saml_bridge.ts', 'src/auth/ldap_sync.py', 'src/auth/kerberos.go']);
  const probes = writeProbes(trace, [
    {
      name: 'rotation-path',
      kind: 'exact',
      turn: treeTurn,
      question: 'What is the full path of token_rotation.ts?',
      answers: [rotation.path],
    },
    {
      name: 'rotation-size',
      kind: 'exact',
      turn: treeTurn,
      question: 'How large is token_rotation.ts, in bytes?',
      answers: [String(rotation.size)],
    },
    {
      name: 'directory-count',
      kind: 'count',
      turn: treeTurn,
      liveOnly: true,
      question: `How many directories does the tree under ${ROOT} hold, the root included?`,
      answers: [String(directoryCount)],
    },
    {
      name: 'files-searched',
      kind: 'count',
      turn: fileTurn,
      question: 'How many files did the file search look through?',
      answers: [String(filesSearched)],
    },
    {
      name: 'skew-file',
      kind: 'locate',
      turn: fileTurn,
      question: 'Which file rejects refresh tokens on clock skew?',
      answers: ['src/auth/refresh/verify.ts'],
    },
    {
      name: 'skew-cause',
      kind: 'causal',
      turn: fileTurn,
      question: 'Why are refresh tokens rejected?',
      answers: ['clock skew exceeds 30s'],
    },
    {
      name: 'own-authenticate',
      kind: 'locate',
      turn: codeTurn,
      question: 'Which file of keystone-app/keystone defines authenticate()?',
      answers: [own.path],
    },
    {
      name: 'own-sha',
      kind: 'exact',
      turn: codeTurn,
      question: `What is the sha of ${own.path} in keystone-app/keystone?`,
      answers: [own.sha],
    },
    {
      name: 'code-total',
      kind: 'count',
      turn: codeTurn,
      question: 'How many results did the code search report in total?',
      answers: [String(codeTotal)],
    },
    {
      name: 'absent-file',
      kind: 'negative',
      turn: fileTurn,
      question: `What does ${absentPath} do?`,
      answers: [absentPath],
    },
  ]);
  return { trace, probes };
}
