/**
 * Real blocks labelled by their SOURCE, derived by code from `../shared` and `node_modules`: the
 * output of `grep -rn` is search, `cat x.py` is python code, `git diff` is a diff, a loghub chunk is
 * a log, a reference tool result is JSON, `cat page.html` is HTML, an issue body is text (or mixed:
 * issues often fence code or paste tracebacks).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import type { ContentKind } from '../types.ts';

/** One labelled block: `accepted` lists the kinds its source allows (one, except issue prose). */
export interface LabelledBlock {
  readonly id: string;
  readonly text: string;
  readonly accepted: readonly ContentKind[];
  /** For code from a known file: the language its extension names. */
  readonly language?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const MIN_CHARS = 200;
const CODE_FILE =
  /^(?:cat|head(?: -n ?\d+| -\d+)?|tail(?: -n ?\d+| -\d+)?|sed -n '?\d+,\d+p'?|nl -ba) ([\w./-]+\.py)(?: \| sed -n '?\d+,\d+p'?)?$/;
// grep prints `path:` or `line:` prefixes only with -n, or with -r over a directory.
const GREP = /^grep (?:-[A-Za-z]+(?: \d+)? )*(?:"[^"]*"|'[^']*'|\S+)(?: [\w./*-]+)+$/;

function labelCommand(command: string): Pick<LabelledBlock, 'accepted' | 'language'> | null {
  if (command.includes('\n') || command.includes('&&') || command.includes(';')) return null;
  if (CODE_FILE.test(command)) return { accepted: ['code'], language: 'python' };
  if (GREP.test(command) && !/ -[A-Za-z]*[lcLoh]/.test(command) && !command.includes('|')) {
    const flags = command.match(/ -[A-Za-z]+/g)?.join('') ?? '';
    const target = command.slice(command.lastIndexOf(' ') + 1);
    if (flags.includes('n') || (flags.includes('r') && !/\.\w+$/.test(target))) return { accepted: ['search'] };
  }
  if (/^git diff(?: [\w./-]+)*$/.test(command)) return { accepted: ['diff'] };
  if (/^(?:cat|head(?: -n ?\d+)?) [\w./-]+\.html?$/.test(command)) return { accepted: ['html'] };
  return null;
}

/** Tool outputs of mini-swe-agent runs, labelled by the one command that produced them. */
function trajectoryBlocks(sharedDir: string): LabelledBlock[] {
  const dir = path.join(sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
  const blocks: LabelledBlock[] = [];
  for (const file of readdirSync(dir).sort()) {
    const messages = (
      JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { messages: { role: string; content: string }[] }
    ).messages;
    let wrapped = 0;
    messages.forEach((message, index) => {
      const reply = messages[index + 1];
      if (message.role !== 'assistant' || reply?.role !== 'user') return;
      const command = /```bash\n([\s\S]*?)\n```/.exec(message.content)?.[1];
      const output = /^<returncode>0<\/returncode>\n<output>\n([\s\S]*)<\/output>$/.exec(reply.content)?.[1];
      if (command === undefined || output === undefined || output.length < MIN_CHARS) return;
      const label = labelCommand(command.trim());
      if (label === null) return;
      const id = `${file.replace('.traj.json', '')}#${index + 1}`;
      blocks.push({ id, text: output, ...label });
      // The whole message is the wrapper around that output: text tags plus the payload, i.e. mixed.
      if (label.accepted[0] === 'search' && wrapped < 2) {
        wrapped += 1;
        blocks.push({ id: `${id}:wrapped`, text: reply.content, accepted: ['mixed'] });
      }
    });
  }
  return blocks;
}

/** Loghub logs in 100-line chunks, and their structured/template CSV files as tables. */
function loghubBlocks(sharedDir: string): LabelledBlock[] {
  const dir = path.join(sharedDir, 'corpus', 'loghub');
  const blocks: LabelledBlock[] = [];
  for (const system of readdirSync(dir).sort()) {
    const log = path.join(dir, system, `${system}_2k.log`);
    if (!existsSync(log)) continue;
    const lines = readFileSync(log, 'utf8').split('\n');
    for (const start of [0, 700, 1400]) {
      blocks.push({
        id: `loghub/${system}:${start}`,
        text: lines.slice(start, start + 100).join('\n'),
        accepted: ['log'],
      });
    }
    for (const suffix of ['_2k.log_structured.csv', '_2k.log_templates.csv']) {
      const csv = path.join(dir, system, `${system}${suffix}`);
      if (!existsSync(csv)) continue;
      const rows = readFileSync(csv, 'utf8').split('\n').slice(0, 60).join('\n');
      blocks.push({ id: `loghub/${system}${suffix}`, text: rows, accepted: ['table'] });
    }
  }
  return blocks;
}

/** Tool results of the Headroom reference requests: JSON, compact or pretty-printed. */
function referenceBlocks(sharedDir: string): LabelledBlock[] {
  const dir = path.join(sharedDir, 'reference', 'headroom-workloads');
  const blocks: LabelledBlock[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const request = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      messages: { role: string; content: Json }[];
    };
    request.messages.forEach((message, index) => {
      const parts =
        typeof message.content === 'string'
          ? [message.content]
          : Array.isArray(message.content)
            ? message.content.map((part) =>
                part !== null && typeof part === 'object' && !Array.isArray(part) ? part.content : null,
              )
            : [];
      for (const part of parts) {
        if (typeof part === 'string' && /^\s*[[{]/.test(part))
          blocks.push({ id: `${file}#${index}`, text: part, accepted: ['json'] });
      }
    });
  }
  return blocks;
}

/** SWE-bench issues: bodies are prose (mixed when they carry fences); fix patches are diffs. */
function issueBlocks(sharedDir: string): LabelledBlock[] {
  const file = path.join(sharedDir, 'corpus', 'swebench-issues', 'swebench_lite_dev.json');
  const issues = JSON.parse(readFileSync(file, 'utf8')) as {
    instance_id: string;
    problem_statement: string;
    patch: string;
    test_patch: string;
  }[];
  return issues.flatMap((issue) => [
    { id: `${issue.instance_id}:issue`, text: issue.problem_statement, accepted: ['text', 'mixed'] as ContentKind[] },
    { id: `${issue.instance_id}:patch`, text: issue.patch, accepted: ['diff'] as ContentKind[] },
    { id: `${issue.instance_id}:test_patch`, text: issue.test_patch, accepted: ['diff'] as ContentKind[] },
  ]);
}

const SOURCE_LANGUAGES: Record<string, string> = { '.ts': 'typescript', '.js': 'javascript', '.c': 'c' };

/** Every k-th file with `extension` under node_modules, in sorted order so the choice is stable. */
function everyKth(root: string, extension: string, count: number): string[] {
  const found: string[] = [];
  // Sorted folder by folder (a stable pick of every k-th file), skipping .bin; fs.readdir's `recursive` neither sorts nor prunes.
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.bin') walk(full);
      else if (entry.isFile() && entry.name.endsWith(extension) && !entry.name.endsWith('.min.js')) found.push(full);
    }
  };
  walk(root);
  const step = Math.max(1, Math.floor(found.length / count));
  return found.filter((_, index) => index % step === 0).slice(0, count);
}

/** Real source and markdown files of installed packages. */
function packageFileBlocks(projectRoot: string): LabelledBlock[] {
  const root = path.join(projectRoot, 'node_modules');
  const blocks: LabelledBlock[] = [];
  for (const [extension, language] of Object.entries(SOURCE_LANGUAGES)) {
    for (const file of everyKth(root, extension, extension === '.c' ? 8 : 20)) {
      const text = readFileSync(file, 'utf8').slice(0, 30_000);
      if (text.trim().length >= MIN_CHARS)
        blocks.push({ id: path.relative(root, file), text, accepted: ['code'], language });
    }
  }
  for (const file of everyKth(root, '.md', 15)) {
    const text = readFileSync(file, 'utf8');
    if (text.trim().length >= MIN_CHARS)
      blocks.push({ id: path.relative(root, file), text, accepted: ['text', 'mixed'] });
  }
  return blocks;
}

/** Real ripgrep output over node_modules, with and without `--heading`. */
function ripgrepBlocks(projectRoot: string): LabelledBlock[] {
  const blocks: LabelledBlock[] = [];
  const searches: readonly (readonly [string, string])[] = [
    ['export function', 'node_modules/gpt-tokenizer'],
    ['deprecated', 'node_modules/commander'],
    ['throw new', 'node_modules/vitest/dist'],
    ['class \\w+', 'node_modules/typescript/lib/lib.dom.d.ts'],
    ['import', 'node_modules/tsx/dist'],
    ['ERROR', 'node_modules/@duckdb'],
  ];
  for (const [pattern, where] of searches) {
    for (const style of ['--no-heading', '--heading']) {
      const run = spawnSync(
        rgPath,
        ['-n', style, '--max-count', '5', '--max-columns', '300', '--sort', 'path', pattern, where],
        { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const text = run.stdout.split('\n').slice(0, 300).join('\n');
      if (text.length >= MIN_CHARS) blocks.push({ id: `rg ${style} ${pattern} ${where}`, text, accepted: ['search'] });
    }
  }
  return blocks;
}

/** All labelled blocks; empty when `../shared` is absent. */
export function labelledBlocks(sharedDir: string, projectRoot: string): LabelledBlock[] {
  if (!existsSync(sharedDir)) return [];
  return [
    ...trajectoryBlocks(sharedDir),
    ...loghubBlocks(sharedDir),
    ...referenceBlocks(sharedDir),
    ...issueBlocks(sharedDir),
    ...packageFileBlocks(projectRoot),
    ...ripgrepBlocks(projectRoot),
  ];
}
