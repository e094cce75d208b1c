/** The token rulers terse can count with, by name (no tokenizer is loaded here: the CLI checks flags with it). */

/** Names of the token rulers terse can count with. */
export type TokenizerName = 'o200k_base' | 'cl100k_base';

/** Every tokenizer name, in the order `--help` lists them. */
export const TOKENIZER_NAMES: readonly TokenizerName[] = ['o200k_base', 'cl100k_base'];

/** True for a name of a token ruler terse has. */
export function isTokenizerName(value: string): value is TokenizerName {
  return (TOKENIZER_NAMES as readonly string[]).includes(value);
}
