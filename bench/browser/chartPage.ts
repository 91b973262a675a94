import { CandlestickSeries, createChart, createSeriesMarkers, HistogramSeries, type IChartApi } from 'lightweight-charts';
import { candleSeries, fillMarkers, seriesMarkers, snapMarkers, type Ohlcv } from '../../renderer/components/charts/lwSeries';

/**
 * Runs inside Chromium for chartDraw.ts: the app's own shaping and the same lightweight-charts calls
 * as the price chart, on synthetic bars generated here (not timed).
 */

const COLOURS = { up: '#089981', down: '#f23645', accent: '#f7a600' };

function bars(n: number, stepMs: number): Ohlcv[] {
  const out: Ohlcv[] = [];
  let price = 100;
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  for (let i = 0; i < n; i++) {
    const open = price;
    price = Math.max(1, price * (1 + rnd() * 0.04));
    out.push({ ts: Date.UTC(2000, 0, 3) + i * stepMs, open, high: Math.max(open, price) * 1.005, low: Math.min(open, price) * 0.995, close: price, volume: 1e6 * (1 + rnd()) });
  }
  return out;
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

function mount(): HTMLDivElement {
  document.body.innerHTML = '';
  const el = document.createElement('div');
  el.style.cssText = 'width: 1200px; height: 400px';
  document.body.appendChild(el);
  return el;
}

function draw(el: HTMLDivElement, data: Ohlcv[], fills: { ts: number; side: 'BUY' | 'SELL'; price: number; quantity: number }[]): IChartApi {
  const chart = createChart(el, { width: 1200, height: 400 });
  const shaped = candleSeries(data, COLOURS, false);
  const main = chart.addSeries(CandlestickSeries, {});
  main.setData(shaped.candles);
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' } }, 1);
  chart.panes()[1]?.setHeight(88);
  volume.setData(shaped.volume);
  const marks = snapMarkers(fillMarkers(fills), shaped.candles.map((c) => c.time));
  createSeriesMarkers(main, seriesMarkers(marks, COLOURS, null));
  chart.timeScale().fitContent();
  return chart;
}

/**
 * Milliseconds from the call to the end of the next frame: shaping, series, marks and paint (the
 * library paints in the animation frame it requested during setData, before this one's callback).
 */
async function drawDaily(years: number): Promise<number> {
  const data = bars(years * 252, 86_400_000);
  const fills = data.filter((_, i) => i % 10 === 0).map((b, i) => ({ ts: b.ts, side: i % 2 === 0 ? ('BUY' as const) : ('SELL' as const), price: b.close, quantity: 100 }));
  const el = mount();
  await nextFrame();
  const t0 = performance.now();
  draw(el, data, fills);
  await nextFrame();
  return performance.now() - t0;
}

/** Frame times while panning a zoomed-in view across a long intraday series, one step per frame. */
async function panIntraday(n: number, frames: number, visibleBars: number): Promise<{ setupMs: number; frameMs: number[] }> {
  const data = bars(n, 60_000);
  const el = mount();
  const t0 = performance.now();
  const chart = draw(el, data, []);
  await nextFrame();
  const setupMs = performance.now() - t0;
  let from = n - visibleBars;
  chart.timeScale().setVisibleLogicalRange({ from, to: from + visibleBars });
  await nextFrame();
  const frameMs: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < frames; i++) {
    from -= visibleBars / 20;
    chart.timeScale().setVisibleLogicalRange({ from, to: from + visibleBars });
    const now = await nextFrame();
    frameMs.push(now - last);
    last = now;
  }
  return { setupMs, frameMs };
}

Object.assign(globalThis, { drawDaily, panIntraday });
