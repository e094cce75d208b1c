import { describe } from 'vitest';
import { headroomSuite } from '../../testkit/invariants/invariant-suites.ts';
import { describeSuiteInvariants } from '../../testkit/invariants/suite-invariant-cases.ts';

describe('the engine on every tool result of the headroom suite', () => {
  describeSuiteInvariants(async () => [headroomSuite()]);
});
