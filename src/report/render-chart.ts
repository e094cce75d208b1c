/**
 * Renders a vega-lite spec headless: to SVG with vega (renderer `none`, no DOM, no canvas), and that
 * SVG to PNG with resvg, given the one font file charts name. Vega's untyped corners are wrapped here.
 */
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './chart-style.ts';

/** DejaVu Sans from its npm package: resvg drops text in fonts it was not given, and system fonts vary. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  // Bold too: vega draws titles bold, and resvg would fake nothing, drawing them regular.
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

/** PNGs are drawn at twice the SVG size, sharp on high-density screens. */
const PNG_ZOOM = 2;

interface TextMetrics {
  readonly canvas: (use: boolean) => void;
}

function isTextMetrics(value: unknown): value is TextMetrics {
  return typeof value === 'object' && value !== null && 'canvas' in value && typeof value.canvas === 'function';
}

/**
 * Vega measures labels with node-canvas where it happens to be installed and estimates them otherwise;
 * always estimating makes a summary's SVG the same bytes on every machine.
 */
function estimateTextWidths(): void {
  const metrics: unknown = Reflect.get(vega, 'textMetrics');
  if (!isTextMetrics(metrics))
    throw new TypeError('vega no longer exports textMetrics.canvas; chart bytes would depend on the machine');
  metrics.canvas(false);
}

/** The SVG of a vega-lite spec; the same spec always gives the same bytes. Render one chart at a time. */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  estimateTextWidths();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    // Clip and gradient ids count up across renders; restarting them keeps the bytes reproducible.
    vega.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The PNG of a chart's SVG, with its text drawn in the bundled DejaVu Sans. */
export async function renderChartPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    logLevel: 'off',
  });
  return image.asPng();
}
