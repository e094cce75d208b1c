/** commander value parsers for the CLI's options: each rejects a bad value with a usage error naming what it must be. */
import { InvalidArgumentError } from 'commander';
import { isTokenizerName, type TokenizerName } from '../tokenize/tokenizer-name.ts';
import type { Profile } from '../types.ts';

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function tokenizerOption(value: string): TokenizerName {
  if (!isTokenizerName(value)) throw new InvalidArgumentError('must be o200k_base or cl100k_base');
  return value;
}

export function shareOption(value: string): number {
  const share = Number(value);
  if (!(share > 0 && share <= 0.5)) throw new InvalidArgumentError('must be a share above 0 and at most 0.5, e.g. 0.3');
  return share;
}

export function pointsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

export function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('must be a port number, 0 to 65535');
  return port;
}

export function profileOption(value: string): Profile {
  if (value !== 'lossless' && value !== 'balanced' && value !== 'aggressive')
    throw new InvalidArgumentError('must be lossless, balanced or aggressive');
  return value;
}
