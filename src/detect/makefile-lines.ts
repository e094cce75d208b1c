/**
 * Makefile lines: `ifeq (...)` / `endif` directives, `VAR := value` assignments and `$(VAR)` references.
 * A Makefile scores as code by shape (`X := y` reads like Go), yet no code grammar parses it.
 */
import { shareOf } from './sample.ts';

// Upper-case variables and automatic ones ($@ $< $^) or make's own functions: `$(document)` (jQuery) is none.
const MAKE_REFERENCE = /\$\((?:[A-Z_][A-Z0-9_]*|[@<^+*%]|shell|wildcard|patsubst|filter|filter-out|subst|word|words|addprefix|addsuffix|foreach|call|if|error|warning|info|dir|notdir|basename|strip|sort)[ :),]/;
const MAKE_DIRECTIVE = /^(?:(?:ifeq|ifneq) ?\(|(?:ifdef|ifndef|define|include|-include|override|unexport) \S|(?:else|endif|endef)\s*$|\.PHONY:|\.DEFAULT_GOAL\s*:?=)/;
const MAKE_ASSIGNMENT = /^(?:override |export )?[A-Z_][A-Z0-9_]*\s*(?:\?=|\+=|::?=)/;

/** True for a line only a Makefile (or a shell line in a recipe) writes. */
export function isMakefileLine(line: string): boolean {
  return MAKE_DIRECTIVE.test(line) || MAKE_ASSIGNMENT.test(line) || MAKE_REFERENCE.test(line);
}

/** Share of `lines` that are Makefile lines. */
export function makefileShare(lines: readonly string[]): number {
  return shareOf(lines, isMakefileLine);
}
