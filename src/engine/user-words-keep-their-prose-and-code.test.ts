/**
 * A large text the user wrote or pasted is compressed only where it is machine output: an agent's task
 * statement (real mini-swe-agent PR descriptions, each over the attached-blob size) keeps every line of
 * its prose and code; a log the user pasted under a question is compressed, the question kept; the
 * file windows SWE-agent's demonstration quotes (rows numbered `1459:`) are outlined, the rest kept.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../config.ts';
import { everyRowNumbered } from '../detect/numbered-rows.ts';
import { findMarkers } from '../store/marker.ts';
import type { JsonObject } from '../types.ts';
import { compressRequest } from './compress-request.ts';
import { createEngine } from './create-engine.ts';
import { createSession, type EngineSetup } from './engine-session.ts';
import { canonicalFromBody, emitRequest } from './request/canonical-request.ts';
import { ATTACHED_BLOB_MIN_CHARS } from './request/request-parts.ts';

const trajectories = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const hdfsLog = path.join(environment.sharedDir, 'corpus', 'loghub', 'HDFS', 'HDFS_2k.log');
const sweAgentTrajectory = path.join(
  environment.sharedDir,
  'corpus',
  'swe-agent-trajs',
  'pydicom__pydicom-1458.gpt4.traj.json',
);
const BASH_TOOL = { name: 'bash', description: 'Run a shell command.', input_schema: { type: 'object' } };

/** Task statements (the first user message) long enough to count as an attached blob. */
function longTasks(): { name: string; text: string }[] {
  if (!existsSync(trajectories)) return [];
  return readdirSync(trajectories)
    .filter((name) => name.endsWith('.traj.json'))
    .sort()
    .map((name) => {
      const messages = (JSON.parse(readFileSync(path.join(trajectories, name), 'utf8')) as JsonObject)
        .messages as JsonObject[];
      return { name, text: String(messages[1]?.content ?? '') };
    })
    .filter((task) => task.text.length >= ATTACHED_BLOB_MIN_CHARS);
}

/** The user's text as the engine sends it, in a fresh agent session's first request. */
async function sent(setup: EngineSetup, text: string): Promise<string> {
  const request = canonicalFromBody({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [BASH_TOOL],
    messages: [{ role: 'user', content: text }],
  });
  const result = await compressRequest(request, createSession(setup));
  const body = JSON.parse(emitRequest(request, result.edits)) as JsonObject;
  return String((body.messages as JsonObject[])[0]?.content);
}

/** The sections of `text` as the engine's detection splits it, each with its text. */
function sectionsOf(setup: EngineSetup, text: string): { kind: string; text: string }[] {
  const detection = setup.detect(text);
  return (detection.sections ?? [{ kind: detection.kind, start: 0, end: text.length }]).map((s) => ({
    kind: s.kind,
    text: text.slice(s.start, s.end),
  }));
}

/**
 * The non-blank lines of `text`'s prose and code sections, as the engine's detection splits it; a
 * file view with a number on every row is machine output.
 */
function wordsOf(setup: EngineSetup, text: string): string[] {
  return sectionsOf(setup, text)
    .filter((s) => s.kind === 'text' || (s.kind === 'code' && !everyRowNumbered(s.text)))
    .flatMap((s) => s.text.split('\n'))
    .filter((line) => line.trim().length > 0);
}

/** The lines of `words` that `out` does not carry. */
function missing(words: readonly string[], out: string): string[] {
  const lines = new Set(out.split('\n'));
  return words.filter((line) => !lines.has(line));
}

const tasks = longTasks();

describe.skipIf(tasks.length === 0)("the user's words", () => {
  it('an agent task statement keeps every line of its prose and code', async () => {
    const setup = await createEngine({ profile: 'aggressive' });
    expect(tasks.length).toBeGreaterThanOrEqual(4);
    for (const task of tasks) {
      const out = await sent(setup, task.text);
      const words = wordsOf(setup, task.text);
      expect(words.length, task.name).toBeGreaterThan(20);
      expect(missing(words, out), task.name).toEqual([]);
    }
  });

  it("in a loop that sends tool output back as user text (mini-swe-agent, no tools), only the task is the user's words", async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const file = path.join(trajectories, 'pylint-dev__pylint-8898.traj.json');
    const messages = (JSON.parse(readFileSync(file, 'utf8')) as JsonObject).messages as JsonObject[];
    // Message 13 is what `cat pylint/config/argument.py` printed, sent back as a user message.
    const observation = String(messages[13]?.content);
    expect(observation.length).toBeGreaterThanOrEqual(ATTACHED_BLOB_MIN_CHARS);
    const request = canonicalFromBody({ model: 'gpt-4.1', messages: messages.slice(0, 14) }, 'openai');
    const result = await compressRequest(request, createSession(setup));
    const sentMessages = (JSON.parse(emitRequest(request, result.edits)) as JsonObject).messages as JsonObject[];
    const task = String(messages[1]?.content);
    expect(missing(wordsOf(setup, task), String(sentMessages[1]?.content))).toEqual([]);
    const sentObservation = String(sentMessages[13]?.content);
    expect(findMarkers(sentObservation).length).toBeGreaterThan(0);
    expect(sentObservation.length).toBeLessThan(observation.length * 0.9);
  });

  it.skipIf(!existsSync(sweAgentTrajectory))(
    "the file windows SWE-agent's demonstration quotes are outlined, its prose, commands and snippets kept",
    async () => {
      const setup = await createEngine({ profile: 'balanced' });
      const history = (JSON.parse(readFileSync(sweAgentTrajectory, 'utf8')) as JsonObject).history as JsonObject[];
      const demonstration = String(history[1]?.content);
      expect(history[1]?.is_demo).toBe(true);
      const windows = sectionsOf(setup, demonstration).filter((s) => s.kind === 'code' && everyRowNumbered(s.text));
      expect(windows.length).toBeGreaterThanOrEqual(3);
      const out = await sent(setup, demonstration);
      expect(missing(wordsOf(setup, demonstration), out)).toEqual([]);
      expect(findMarkers(out).length).toBeGreaterThan(0);
      expect(out.length).toBeLessThan(demonstration.length * 0.9);
      // Every numbered row sent is one the demonstration printed.
      const printed = new Set(demonstration.split('\n'));
      for (const row of out.split('\n').filter((line) => /^\d+:/.test(line))) expect(printed.has(row), row).toBe(true);
    },
  );

  it.skipIf(!existsSync(hdfsLog))('a log the user pasted is compressed, the question above it kept', async () => {
    const setup = await createEngine({ profile: 'balanced' });
    const question = 'Why do the HDFS datanodes keep failing? Here is the log:';
    const log = readFileSync(hdfsLog, 'utf8').split('\n').slice(0, 400).join('\n');
    const out = await sent(setup, `${question}\n\n${log}`);
    expect(out.startsWith(`${question}\n`)).toBe(true);
    expect(findMarkers(out).length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(log.length / 2);
  });
});
