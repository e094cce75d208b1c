import { describe } from 'vitest';
import { localSuite } from './invariant-suites.ts';
import { describeSuiteInvariants } from './suite-invariant-cases.ts';

describe('the engine on every tool result of the local suite', () => {
  describeSuiteInvariants(async () => [await localSuite()]);
});
