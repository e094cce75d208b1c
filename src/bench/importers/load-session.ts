/**
 * Loading any session file as a Trace: the format is sniffed from the first 64 KB, then the first
 * importer that recognises it reads the whole file.
 */
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { InvalidTraceError, PathError, UnknownFormatError } from '../../errors.ts';
import { writeTraceV1 } from '../trace-io.ts';
import type { Trace } from '../trace.ts';
import { anthropicRequestImporter } from './anthropic-request-importer.ts';
import { claudeCodeImporter } from './claude-code-importer.ts';
import { looksLikeJsonDocument, pathErrorOf, readJsonDocument } from './json-document.ts';
import { NumberLiterals } from './number-literals.ts';
import { miniSweAgentImporter } from './mini-swe-agent-importer.ts';
import { openAiRequestImporter } from './openai-request-importer.ts';
import type { ImportOptions, SessionImporter } from './session-importer.ts';
import { sweAgentImporter } from './swe-agent-importer.ts';
import { traceV1Importer } from './trace-v1-importer.ts';

/**
 * Every importer, in the order they are asked. Agent trajectories come before plain requests
 * because they hold `messages` too; OpenAI before Anthropic because Anthropic is the fallback
 * for requests with only user and assistant turns.
 */
export const SESSION_IMPORTERS: readonly SessionImporter[] = [
  traceV1Importer,
  claudeCodeImporter,
  miniSweAgentImporter,
  sweAgentImporter,
  openAiRequestImporter,
  anthropicRequestImporter,
];

const HEAD_BYTES = 64 * 1024;

/** The first 64 KB of a file as text. */
async function readHead(file: string): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw pathErrorOf(file, error);
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    throw pathErrorOf(file, error);
  } finally {
    await handle.close();
  }
}

/** The importer that recognises a file, or null. */
export async function detectImporter(file: string): Promise<SessionImporter | null> {
  const head = await readHead(file);
  return SESSION_IMPORTERS.find((importer) => importer.sniff(head, file)) ?? null;
}

/** Loads any supported session file as a Trace. */
export async function loadTrace(file: string, options: ImportOptions = {}): Promise<Trace> {
  const head = await readHead(file);
  if (head.trim() === '') throw new InvalidTraceError(file, null, 'empty file');
  const importer = SESSION_IMPORTERS.find((candidate) => candidate.sniff(head, file));
  if (importer !== undefined) return importer.load(file, options);
  // A broken JSON document fits no format: say where it breaks rather than "unknown format".
  if (looksLikeJsonDocument(head)) await readJsonDocument(file);
  throw new UnknownFormatError(
    file,
    SESSION_IMPORTERS.map((candidate) => candidate.name),
  );
}

const TRACE_FILE_ENDINGS = ['.jsonl', '.json', '.traj'];
const PROBES_FILE = /probes.*\.jsonl$/;

/** Expands folders (recursively) into the trace files they hold, sorted; files are kept as given. */
export async function collectTraceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch((error: unknown) => {
      throw pathErrorOf(given, error);
    });
    if (info.isDirectory()) files.push(...(await traceFilesUnder(given)).sort());
    else if (info.isFile()) files.push(given);
    else throw new PathError(given, 'not a file or directory');
  }
  return files;
}

/** Trace files anywhere under `folder` (the caller sorts them). */
async function traceFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isTraceFileName(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function isTraceFileName(name: string): boolean {
  return TRACE_FILE_ENDINGS.some((ending) => name.endsWith(ending)) && !PROBES_FILE.test(name);
}

/** `terse import FILE -o OUT.jsonl`: loads any session file and writes it as Trace v1. */
export async function importToTraceV1(file: string, out: string, options: ImportOptions = {}): Promise<Trace> {
  // Fields the import does not touch keep their number literals byte for byte.
  const numbers = options.numbers ?? new NumberLiterals();
  const trace = await loadTrace(file, { ...options, numbers });
  await writeTraceV1(trace, out, numbers);
  return trace;
}
