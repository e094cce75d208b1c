/**
 * Loads tree-sitter grammars once per process and hands out one reusable parser per grammar.
 * Loading is async (wasm) while compressing is synchronous, so the engine awaits `prepare` at
 * startup and a compressor asks `parserFor`, which answers at once: a parser, or why there is none.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { CODE_GRAMMARS, LANGUAGE_RULES, type CodeGrammar } from './code-languages.ts';

/** A ready parser, or the reason there is none yet. */
export type ParserLookup =
  { readonly ok: true; readonly parser: Parser } | { readonly ok: false; readonly reason: string };

/** Grammars by name: load some, then look parsers up synchronously. */
export interface GrammarRegistry {
  /** Loads the named grammars (all by default); never rejects: a failure is kept as that grammar's reason. */
  prepare(grammars?: readonly CodeGrammar[]): Promise<void>;
  parserFor(grammar: CodeGrammar): ParserLookup;
}

/** Where a grammar's wasm file lies on disk. */
export type LocateWasm = (grammar: CodeGrammar) => string;

const requireFromHere = createRequire(import.meta.url);

/** The wasm shipped in the root of the grammar's npm package. */
export function installedWasmPath(grammar: CodeGrammar): string {
  const { packageName, file } = LANGUAGE_RULES[grammar].wasm;
  return path.join(path.dirname(requireFromHere.resolve(`${packageName}/package.json`)), file);
}

// web-tree-sitter's runtime must be initialised once per process, whatever the number of registries.
let runtimeReady: Promise<void> | null = null;
function initRuntime(): Promise<void> {
  runtimeReady ??= Parser.init();
  return runtimeReady;
}

type GrammarState =
  | { readonly state: 'loading'; readonly done: Promise<void> }
  | { readonly state: 'ready'; readonly parser: Parser }
  | { readonly state: 'failed'; readonly reason: string };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A registry that finds wasm files with `locateWasm` (the installed packages by default). */
export function createGrammarRegistry(locateWasm: LocateWasm = installedWasmPath): GrammarRegistry {
  const states = new Map<CodeGrammar, GrammarState>();

  async function load(grammar: CodeGrammar): Promise<void> {
    try {
      await initRuntime();
      const language = await Language.load(locateWasm(grammar));
      const parser = new Parser();
      parser.setLanguage(language);
      states.set(grammar, { state: 'ready', parser });
    } catch (error) {
      states.set(grammar, { state: 'failed', reason: `grammar ${grammar} failed to load: ${describe(error)}` });
    }
  }

  return {
    async prepare(grammars = CODE_GRAMMARS): Promise<void> {
      const pending: Promise<void>[] = [];
      for (const grammar of grammars) {
        const known = states.get(grammar);
        if (known === undefined) {
          // `load` only records its outcome after its first await, so 'loading' is set before it.
          const done = load(grammar);
          states.set(grammar, { state: 'loading', done });
          pending.push(done);
        } else if (known.state === 'loading') {
          pending.push(known.done);
        }
      }
      await Promise.all(pending);
    },
    parserFor(grammar: CodeGrammar): ParserLookup {
      const known = states.get(grammar);
      if (known === undefined)
        return { ok: false, reason: `grammar ${grammar} not loaded (await prepareCodeGrammars first)` };
      if (known.state === 'loading') return { ok: false, reason: `grammar ${grammar} still loading` };
      if (known.state === 'failed') return { ok: false, reason: known.reason };
      return { ok: true, parser: known.parser };
    },
  };
}
