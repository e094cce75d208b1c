import { describe, expect, it } from 'vitest';
import { RETRIEVE_TOOL_ANTHROPIC, RETRIEVE_TOOL_NAME, RETRIEVE_TOOL_OPENAI } from './retrieve-tool.ts';

const SCHEMA = {
  type: 'object',
  properties: {
    ref: { type: 'string', description: 'The 16 hex characters after "terse:" in the marker.' },
    query: {
      type: 'string',
      description: 'Optional: only lines or items containing every space-separated term (case-insensitive).',
    },
    lines: { type: 'string', description: 'Optional line numbers as the marker gives them, e.g. "40-88".' },
    items: { type: 'string', description: 'Optional 0-based JSON item positions, e.g. "0-19".' },
  },
  required: ['ref'],
};

describe('terse_retrieve tool definition', () => {
  it('has the Anthropic shape', () => {
    expect(RETRIEVE_TOOL_ANTHROPIC).toEqual({
      name: 'terse_retrieve',
      description: RETRIEVE_TOOL_ANTHROPIC.description,
      input_schema: SCHEMA,
    });
    expect(RETRIEVE_TOOL_NAME).toBe('terse_retrieve');
  });

  it('has the OpenAI shape with the same name, description and schema', () => {
    expect(RETRIEVE_TOOL_OPENAI).toEqual({
      type: 'function',
      function: { name: 'terse_retrieve', description: RETRIEVE_TOOL_ANTHROPIC.description, parameters: SCHEMA },
    });
  });

  it('keeps its bytes: the definition is part of the cached prefix', () => {
    expect(JSON.stringify(RETRIEVE_TOOL_ANTHROPIC)).toBe(
      '{"name":"terse_retrieve","description":"Get the original content behind a [[terse:REF ...]] marker. ' +
        'Pass its ref; add lines or items (as the marker numbers them) and/or query to get only those lines or JSON items.",' +
        '"input_schema":{"type":"object","properties":{"ref":{"type":"string",' +
        '"description":"The 16 hex characters after \\"terse:\\" in the marker."},"query":{"type":"string",' +
        '"description":"Optional: only lines or items containing every space-separated term (case-insensitive)."},' +
        '"lines":{"type":"string","description":"Optional line numbers as the marker gives them, e.g. \\"40-88\\"."},' +
        '"items":{"type":"string","description":"Optional 0-based JSON item positions, e.g. \\"0-19\\"."}},' +
        '"required":["ref"]}}',
    );
    expect(RETRIEVE_TOOL_ANTHROPIC.description.length).toBeLessThan(200);
  });

  it('is frozen all the way down, so no caller can change it for everyone', () => {
    expect(Object.isFrozen(RETRIEVE_TOOL_OPENAI.function.parameters.properties.ref)).toBe(true);
    expect(Object.isFrozen(RETRIEVE_TOOL_ANTHROPIC.input_schema.required)).toBe(true);
  });
});
