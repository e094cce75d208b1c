import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { sourceCli } from '../../cli/source-cli.ts';
import { resolveBenchConfigs } from '../../bench/bench-config.ts';
import { loadTrace } from '../../bench/importers/load-session.ts';
import { readProbes } from '../../bench/probe-io.ts';
import { runReplay } from '../../bench/run-replay.ts';
import { CHART_NAMES } from '../report-charts.ts';
import { writeReport } from '../write-report.ts';
import { BlockTextCollector } from './block-texts.ts';

const CHROMIUM = '/usr/bin/chromium';
const TRACE = path.join(environment.projectRoot, 'traces', 'local', 'local-sre-node-runtime-failures.jsonl');
/** Screenshots, kept after the run for people to look at (artefacts/ is gitignored; CI keeps the work tree). */
export const SCREENSHOTS = path.join(environment.projectRoot, 'artefacts', 'report');

const work = mkdtempSync(path.join(os.tmpdir(), 'terse-report-page-'));
const runA = path.join(work, 'run-a');
const runB = path.join(work, 'run-b');
let browser: BrowserContext;
let server: ChildProcess | null = null;

/** Starts `terse view` as a real process and resolves with the URL it prints. */
function view(args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [...sourceCli(environment.projectRoot), 'view', ...args, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TERSE_REPORTS_DIR: work },
  });
  server = child;
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`terse view exited ${String(code)}: ${out}`)));
  });
}

async function stopView(): Promise<void> {
  const child = server;
  server = null;
  if (child === null || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

/** Opens the first trace, then its first compressed block, and returns the two texts shown. */
async function openCompressedBlock(page: Page): Promise<{ before: string; after: string }> {
  await page.click('#traces-table tbody tr');
  await page.waitForSelector('#blocks-table');
  const row = page.locator('#blocks-table tbody tr', { hasText: 'compressed' }).first();
  await row.click();
  await page.waitForSelector('#block-view .side-by-side pre.text');
  const texts = await page.locator('#block-view pre.text').allTextContents();
  return { before: texts[0] ?? '', after: texts[1] ?? '' };
}

const canRun = existsSync(CHROMIUM);

describe.skipIf(!canRun)('report.html in headless Chromium (Debian chromium)', () => {
  beforeAll(async () => {
    const [trace, probes, configs] = await Promise.all([
      loadTrace(TRACE),
      readProbes(TRACE.replace(/\.jsonl$/, '.probes.jsonl')),
      resolveBenchConfigs(['none', 'balanced', 'drop-all']),
    ]);
    const texts = new BlockTextCollector();
    const result = await runReplay(
      {
        traces: [{ suite: 'local', trace }],
        probes,
        configs,
        tokenizer: 'o200k_base',
        argv: 'test',
        projectRoot: environment.projectRoot,
      },
      { onBlock: (row, before, after) => texts.add(row, before, after) },
    );
    await writeReport(result, runA, {}, texts);
    await writeReport({ ...result, run: { ...result.run, id: `${result.run.id}-b` } }, runB, {}, texts);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A fresh profile folder: the persistent context is how playwright passes --user-data-dir.
    browser = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await stopView();
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('served by terse view: every chart drawn, tables sortable, a block opens before and after', async () => {
    const page = await openPage(await view([runA]));
    for (const name of CHART_NAMES) {
      const svg = page.locator(`#chart-${name} svg`);
      const box = await svg.boundingBox();
      expect(box?.width, name).toBeGreaterThan(200);
      expect(await svg.locator('path, text').count(), name).toBeGreaterThan(5);
    }
    // Charts come before every table.
    const order = await page.evaluate(() => {
      const charts = document.querySelector('#charts');
      const firstTable = document.querySelector('table');
      return (
        charts !== null &&
        firstTable !== null &&
        Boolean(charts.compareDocumentPosition(firstTable) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    });
    expect(order).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-overview.png') });

    const reductions = page.locator('#per-trace table');
    await reductions.locator('th', { hasText: 'config' }).first().click();
    const sorted = await reductions.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
    await page.fill('#per-trace input.filter', 'drop-all');
    expect(await reductions.locator('tbody tr:not([hidden])').count()).toBe(1);

    const { before, after } = await openCompressedBlock(page);
    expect(before.length).toBeGreaterThan(after.length);
    expect(await page.locator('#block-view mark.marker').count()).toBeGreaterThan(0);
    expect(await page.locator('#block-view dd').allTextContents()).toEqual(
      expect.arrayContaining(['balanced', 'compressed']),
    );
    // The page as a reader sees it, the block's header below the sticky navigation bar.
    await page
      .locator('#block-view')
      .evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 48));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-block.png') });
    await page.close();
    await stopView();
  });

  it('opened from disk as a file, with nothing served: the block texts still load', async () => {
    const page = await openPage(pathToFileURL(path.join(runA, 'report.html')).href);
    const { before } = await openCompressedBlock(page);
    expect(before).not.toContain('text not kept');
    await page.close();
  });

  it('served as a comparison of two runs: both runs paired, config by config', async () => {
    const page = await openPage(await view([runB, '--compare', runA]));
    await page.waitForSelector('#comparison-configs');
    expect(await page.locator('#comparison').isVisible()).toBe(true);
    const configs = await page.locator('#comparison-configs tbody td:first-child').allTextContents();
    expect(configs).toEqual(['none', 'balanced', 'drop-all', 'all']);
    expect(await page.locator('#comparison-pairs tbody tr').count()).toBe(3);
    await page.locator('#comparison').screenshot({ path: path.join(SCREENSHOTS, 'report-comparison.png') });
    await page.close();
    await stopView();
  });
});
