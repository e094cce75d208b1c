import { describe } from 'vitest';
import { headroomSuite } from './invariant-suites.ts';
import { describeSuiteInvariants } from './suite-invariant-cases.ts';

describe('the engine on every tool result of the headroom suite', () => {
  describeSuiteInvariants(async () => [headroomSuite()]);
});
