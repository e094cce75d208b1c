/**
 * Real source files to test and bench the code compressor on: what npm installed under
 * node_modules, Python files an agent printed whole with `cat` in the mini-swe-agent trajectories,
 * and hand-written samples (in `__fixtures__/`) for languages no installed package ships.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeGrammar } from '../../compressors/code/code-languages.ts';

/** One source text and the grammar it is written in. */
export interface SourceFile {
  readonly name: string;
  readonly language: CodeGrammar;
  readonly text: string;
}

const EXTENSIONS: Readonly<Record<string, CodeGrammar>> = {
  '.py': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.tsx': 'tsx',
  '.go': 'go',
  '.rs': 'rust',
  '.java': 'java',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.h': 'cpp',
  '.hpp': 'cpp',
  '.c': 'cpp',
};
// Generated parser tables and bundles say nothing about how code is outlined and dwarf every other file.
const SKIPPED_NAMES = /(?:^parser\.c$|\.min\.js$|\.d\.ts$|\.d\.mts$|\.d\.cts$)/;

/** `__fixtures__/` beside this file. */
export const FIXTURES_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'compressors',
  'code',
  '__fixtures__',
);

function languageOf(file: string): CodeGrammar | null {
  if (SKIPPED_NAMES.test(path.basename(file))) return null;
  return EXTENSIONS[path.extname(file)] ?? null;
}

// Sorted folder by folder so every run sees the same list; fs.readdir's `recursive` neither sorts nor prunes.
function walk(dir: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, into);
    else if (entry.isFile() && languageOf(full) !== null) into.push(full);
  }
}

/** Source files under `root` (sorted, so every run sees the same list) of at most `maxBytes` each. */
export function sourceFilesUnder(root: string, maxBytes = 3_000_000): SourceFile[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  walk(root, files);
  const out: SourceFile[] = [];
  for (const file of files) {
    const language = languageOf(file);
    if (language === null || statSync(file).size > maxBytes) continue;
    out.push({ name: path.relative(root, file), language, text: readFileSync(file, 'utf8') });
  }
  return out;
}

const CAT_COMMAND = /```bash\n\s*cat ([\w./-]+\.py)\s*\n```/;
const OUTPUT = /^<returncode>0<\/returncode>\n<output>\n([\s\S]*)<\/output>$/;

interface TrajectoryMessage {
  readonly role?: unknown;
  readonly content?: unknown;
}

/** Whole Python files the agent printed with `cat` (outputs the agent cut short are skipped), deduplicated. */
export function trajectoryPythonFiles(trajectoryDir: string): SourceFile[] {
  if (!existsSync(trajectoryDir)) return [];
  const seen = new Set<string>();
  const out: SourceFile[] = [];
  for (const file of readdirSync(trajectoryDir)
    .filter((f) => f.endsWith('.traj.json'))
    .sort()) {
    const parsed: unknown = JSON.parse(readFileSync(path.join(trajectoryDir, file), 'utf8'));
    const messages = (parsed as { messages?: unknown }).messages;
    if (!Array.isArray(messages)) continue;
    const list = messages as TrajectoryMessage[];
    for (const [index, message] of list.entries()) {
      const command = typeof message.content === 'string' ? CAT_COMMAND.exec(message.content) : null;
      const reply = list[index + 1]?.content;
      if (message.role !== 'assistant' || command === null || typeof reply !== 'string') continue;
      const output = OUTPUT.exec(reply)?.[1];
      if (output === undefined || reply.includes('<warning>') || seen.has(output)) continue;
      seen.add(output);
      out.push({ name: `${file}:${command[1]}`, language: 'python', text: output });
    }
  }
  return out;
}

/** The hand-written samples in `__fixtures__/`, one per language that has no installed real file. */
export function fixtureFiles(): SourceFile[] {
  return sourceFilesUnder(FIXTURES_DIR);
}
