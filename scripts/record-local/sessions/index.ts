/** Every `local` session, in the order they are recorded: three or more per workload. */
import type { Session } from '../session.ts';
import { codeSearchGrammarRules } from './code-search-grammar-rules.ts';
import { codeSearchTypescriptCompiler } from './code-search-typescript-compiler.ts';
import { codeSearchWebTreeSitter } from './code-search-web-tree-sitter.ts';
import { explorationTreeSitterPython, explorationTreeSitterRust } from './exploration-grammar-package.ts';
import { explorationTypescriptGrammar } from './exploration-typescript-grammar.ts';
import { issueTriageDependencyAdvisory } from './issue-triage-dependency-advisory.ts';
import { issueTriageJavascriptGrammarDrift } from './issue-triage-javascript-grammar-drift.ts';
import { issueTriageVendorHistory } from './issue-triage-vendor-history.ts';
import { sreNodeRuntimeFailures } from './sre-node-runtime-failures.ts';
import { sreNpmOfflineInstall } from './sre-npm-offline-install.ts';
import { sreTypescriptBuildFailure } from './sre-typescript-build-failure.ts';

/** The sessions of the `local` suite. */
export const LOCAL_SESSIONS: readonly Session[] = [
  codeSearchTypescriptCompiler,
  codeSearchWebTreeSitter,
  codeSearchGrammarRules,
  explorationTreeSitterPython,
  explorationTreeSitterRust,
  explorationTypescriptGrammar,
  sreTypescriptBuildFailure,
  sreNodeRuntimeFailures,
  sreNpmOfflineInstall,
  issueTriageJavascriptGrammarDrift,
  issueTriageVendorHistory,
  issueTriageDependencyAdvisory,
];
