import { describe } from 'vitest';
import { localSuite } from '../../testkit/invariants/invariant-suites.ts';
import { describeSuiteInvariants } from '../../testkit/invariants/suite-invariant-cases.ts';

describe('the engine on every tool result of the local suite', () => {
  describeSuiteInvariants(async () => [await localSuite()]);
});
