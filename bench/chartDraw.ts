import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { findChromium } from '../scripts/chromium.mjs';

const YEARS = 20;
const INTRADAY_BARS = 1_000_000;
const PAN_FRAMES = 120;
const VISIBLE_BARS = 2_000;
const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/**
 * Draws the price chart's candles in Chromium: a 20-year daily series from scratch (shaping, series,
 * fill marks, paint) and a 1,000,000-bar one-minute series panned frame by frame while zoomed in.
 */
export async function run(): Promise<Record<string, number>> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser/chartPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
  });
  const found = findChromium();
  if (!('path' in found)) throw new Error(found.error);
  const browser = await chromium.launch({ executablePath: found.path, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 500 } });
    await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    type Win = { drawDaily: (y: number) => Promise<number>; panIntraday: (n: number, f: number, v: number) => Promise<{ setupMs: number; frameMs: number[] }> };
    // The first draw also compiles the library's code: reported apart from the warm median.
    const coldMs = await page.evaluate((y) => (globalThis as unknown as Win).drawDaily(y), YEARS);
    const draws: number[] = [];
    for (let i = 0; i < RUNS; i++) draws.push(await page.evaluate((y) => (globalThis as unknown as Win).drawDaily(y), YEARS));
    const pan = await page.evaluate(([n, f, v]) => (globalThis as unknown as Win).panIntraday(n, f, v), [INTRADAY_BARS, PAN_FRAMES, VISIBLE_BARS] as const);
    return {
      daily_bars: YEARS * 252,
      draw_ms_cold: coldMs,
      draw_ms_median: median(draws),
      draw_ms_max: Math.max(...draws),
      intraday_bars: INTRADAY_BARS,
      intraday_setup_ms: pan.setupMs,
      pan_frame_ms_median: median(pan.frameMs),
      pan_frame_ms_p95: percentile(pan.frameMs, 0.95),
      pan_frame_ms_max: Math.max(...pan.frameMs),
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}
