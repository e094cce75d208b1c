import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../types.ts';
import type { Probe } from '../probe.ts';
import { gradeAnswer, type GradeOptions } from './grade-answer.ts';
import { GRADER_SYSTEM } from './grading-prompt.ts';
import type { CallResult } from './model-caller.ts';
import { ANTHROPIC_WIRE } from './routes/anthropic/anthropic-wire.ts';

const probe = (kind: Probe['kind'], answers: string[], extra: Partial<Probe> = {}): Probe => ({
  trace: 't',
  id: `t/${kind}`,
  question: 'How many ERROR lines did payments log?',
  answers,
  kind,
  evidence: { turn: 1 },
  ...extra,
});

/** A grader that replies `verdict` and records every body it was sent. */
function grader(verdict: string): GradeOptions & { sent: JsonObject[] } {
  const sent: JsonObject[] = [];
  return {
    sent,
    wire: ANTHROPIC_WIRE,
    model: 'claude-haiku-4-5',
    call: async (body): Promise<CallResult> => {
      sent.push(body);
      const response = {
        type: 'message',
        content: [{ type: 'text', text: verdict }],
        usage: { input_tokens: 100, output_tokens: 2 },
      };
      return { state: 'answered', response, reply: ANTHROPIC_WIRE.readReply(response), cached: false, costUsd: 0.0001 };
    },
  };
}

describe('grading a live answer', () => {
  it('takes a match as correct without asking, for an exact probe', async () => {
    const options = grader('WRONG');
    expect(await gradeAnswer(probe('exact', ['blk_-42']), 'It is blk_-42.', false, options)).toEqual({
      outcome: 'correct',
      gradedBy: 'match',
      modelGrade: null,
      gradingCostUsd: 0,
    });
    expect(options.sent).toEqual([]);
  });

  it('counts a count answer in other words as correct when the rubric says so, labelled model-graded', async () => {
    const options = grader('CORRECT');
    const grade = await gradeAnswer(probe('count', ['147']), 'one hundred and forty-seven', false, options);
    expect(grade).toEqual({ outcome: 'correct', gradedBy: 'model', modelGrade: 'correct', gradingCostUsd: 0.0001 });
    expect(options.sent).toHaveLength(1);
    expect(options.sent[0]?.system).toBe(GRADER_SYSTEM);
    expect(JSON.stringify(options.sent[0]?.messages)).toContain('Candidate answer: one hundred and forty-seven');
  });

  it('keeps a matched count correct whatever the rubric says, and records the rubric beside it', async () => {
    expect(await gradeAnswer(probe('count', ['147']), '147', false, grader('WRONG'))).toMatchObject({
      outcome: 'correct',
      gradedBy: 'match',
      modelGrade: 'wrong',
    });
  });

  it('calls a declined positive probe refused, and a declined negative probe correct', async () => {
    expect((await gradeAnswer(probe('exact', ['x1']), 'UNKNOWN', false, grader('CORRECT'))).outcome).toBe('refused');
    expect(
      (await gradeAnswer(probe('negative', ['lambda_definition:']), '"UNKNOWN".', false, grader('CORRECT'))).outcome,
    ).toBe('correct');
    expect(
      (
        await gradeAnswer(
          probe('negative', ['lambda_definition:']),
          'lambda_definition: in python',
          false,
          grader('CORRECT'),
        )
      ).outcome,
    ).toBe('wrong');
  });

  it('calls an answer that still wanted tools at its last round refused', async () => {
    expect((await gradeAnswer(probe('exact', ['x1']), 'x1', true, grader('CORRECT'))).outcome).toBe('refused');
  });
});
