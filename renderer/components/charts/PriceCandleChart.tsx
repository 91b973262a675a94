import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  PriceScaleMode,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type MouseEventParams,
  type Time,
} from 'lightweight-charts';
import { useChartPalette } from './chartTheme';
import { followCrosshair, markCrosshair, publishCrosshair } from './crosshairStore';
import { lwChartOptions, useRangeAttributes } from './lwChartOptions';
import { candleSeries, lineSeries, markersAt, selectionId, seriesMarkers, snapMarkers, type ChartMarker, type Ohlcv } from './lwSeries';
import { MarkTooltip } from './MarkTooltip';
import './charts.css';
import { LogToggle } from './LogToggle';

/** Candles with volume when the engine has whole bars; a close line when it only sends closes. */
export type PriceData = { kind: 'candles'; bars: readonly Ohlcv[] } | { kind: 'line'; ts: readonly number[]; close: readonly number[] };

export interface PriceCandleChartProps {
  data: PriceData;
  markers?: readonly ChartMarker[];
  /** The selected trade (or bare fill): its marks are drawn larger. */
  selectedTradeId?: string | null;
  /** Called with the trade id (or the fill's mark id) of a clicked mark. */
  onSelectTrade?: (tradeId: string) => void;
  /** Charts of one group share the crosshair time (a run's price and equity charts). */
  syncGroup?: string;
  /** Epoch ms under the pointer, null once it leaves: for a legend outside the chart. */
  onHoverTime?: (ts: number | null) => void;
  /** Shows hours and minutes on the time axis. */
  intraday?: boolean;
  /** Decimals the instrument is quoted to: the price axis and the marks' tooltips print prices so. */
  priceDecimals?: number;
  height?: number;
  testId: string;
}

interface Hover {
  marks: ChartMarker[];
  x: number;
  y: number;
}

const NO_MARKERS: readonly ChartMarker[] = [];
/** Height of the volume pane, as a share of the chart. */
const VOLUME_SHARE = 0.22;

/** A price chart on lightweight-charts: zoom with the wheel, pan by dragging, marks with tooltips, log scale. */
export function PriceCandleChart({
  data,
  markers = NO_MARKERS,
  selectedTradeId = null,
  onSelectTrade,
  syncGroup,
  onHoverTime,
  intraday = false,
  priceDecimals = 2,
  height = 320,
  testId,
}: PriceCandleChartProps) {
  const pal = useChartPalette();
  const wrapRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const mainRef = useRef<ISeriesApi<'Candlestick'> | ISeriesApi<'Line'> | null>(null);
  const volumeRef = useRef<ISeriesApi<'Histogram'> | null>(null);
  const marksRef = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const [log, setLog] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const sourceId = useMemo(() => `${testId}-${Math.random().toString(36).slice(2)}`, [testId]);

  const shaped = useMemo(() => {
    if (data.kind === 'candles') return { ...candleSeries(data.bars, pal, log), line: null };
    const { line, hidden } = lineSeries(data.ts, data.close, log);
    return { candles: null, volume: null, line, hidden };
  }, [data, pal, log]);
  const values = useMemo(() => {
    const map = new Map<number, number>();
    for (const row of shaped.candles ?? shaped.line ?? []) map.set(row.time, 'close' in row ? row.close : row.value);
    return map;
  }, [shaped]);
  const marks = useMemo(() => snapMarkers(markers, [...values.keys()]), [markers, values]);

  // A trade picked on this chart is already in view; one picked elsewhere (a table row) is zoomed to.
  const pickedHere = useRef<string | null>(null);
  // Handlers read the newest props through refs, so the chart is not rebuilt when they change.
  const latest = useRef({ marks, onSelectTrade, onHoverTime, syncGroup, values });
  latest.current = { marks, onSelectTrade, onHoverTime, syncGroup, values };

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const chart = createChart(el, lwChartOptions(pal, height, intraday));
    const main =
      data.kind === 'candles'
        ? chart.addSeries(CandlestickSeries, {
            upColor: pal.up,
            downColor: pal.down,
            wickUpColor: pal.up,
            wickDownColor: pal.down,
            borderVisible: false,
          })
        : chart.addSeries(LineSeries, { color: pal.text, lineWidth: 1 });
    main.priceScale().applyOptions({ scaleMargins: { top: 0.06, bottom: 0.06 } });
    if (data.kind === 'candles') {
      // Volume in its own pane under the candles: its own scale, the same time axis.
      const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false }, 1);
      chart.panes()[1]?.setHeight(Math.round(height * VOLUME_SHARE));
      volumeRef.current = volume;
    }
    chartRef.current = chart;
    mainRef.current = main;
    marksRef.current = createSeriesMarkers(main, []);

    const onMove = (param: MouseEventParams): void => {
      const { marks: shownMarks, onHoverTime: hoverTime, syncGroup: group } = latest.current;
      const time = typeof param.time === 'number' ? param.time : null;
      publishCrosshair(param, sourceId, group);
      markCrosshair(wrapRef.current, param);
      hoverTime?.(time === null ? null : time * 1000);
      if (time === null || !param.point) {
        setHover(null);
        return;
      }
      const under = typeof param.hoveredObjectId === 'string' ? shownMarks.filter((m) => m.id === param.hoveredObjectId) : [];
      const shown = under.length > 0 ? under : markersAt(shownMarks, time);
      setHover(shown.length > 0 ? { marks: shown, x: param.point.x, y: param.point.y } : null);
    };
    const onClick = (param: MouseEventParams): void => {
      const { marks: shownMarks, onSelectTrade: select } = latest.current;
      // Marks are small: a click on their bar counts as a click on its first mark.
      const onBar = typeof param.time === 'number' ? markersAt(shownMarks, param.time) : [];
      const hit = shownMarks.find((m) => m.id === param.hoveredObjectId) ?? onBar[0];
      if (hit && select) {
        pickedHere.current = selectionId(hit);
        select(pickedHere.current);
      }
    };
    chart.subscribeCrosshairMove(onMove);
    chart.subscribeClick(onClick);
    const unfollow = followCrosshair(
      chart,
      main,
      sourceId,
      () => latest.current.syncGroup,
      (time) => latest.current.values.get(time),
      () => wrapRef.current,
    );
    return () => {
      unfollow();
      chart.unsubscribeCrosshairMove(onMove);
      chart.unsubscribeClick(onClick);
      chart.remove();
      chartRef.current = null;
      mainRef.current = null;
      volumeRef.current = null;
      marksRef.current = null;
    };
  }, [data.kind, pal, height, intraday, sourceId]);

  useRangeAttributes(chartRef, wrapRef, data.kind);

  const dataRef = useRef<PriceData | null>(null);
  useEffect(() => {
    const main = mainRef.current;
    const chart = chartRef.current;
    if (!main || !chart) return;
    if (shaped.candles) (main as ISeriesApi<'Candlestick'>).setData(shaped.candles);
    else if (shaped.line) (main as ISeriesApi<'Line'>).setData(shaped.line);
    if (shaped.volume) volumeRef.current?.setData(shaped.volume);
    // New data (another symbol, range or bar size) shows whole; a scale toggle keeps the zoom.
    if (dataRef.current !== data) chart.timeScale().fitContent();
    dataRef.current = data;
  }, [shaped, data]);

  useEffect(() => {
    mainRef.current?.priceScale().applyOptions({ mode: log ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal });
  }, [log, data.kind]);

  useEffect(() => {
    mainRef.current?.applyOptions({ priceFormat: { type: 'price', precision: priceDecimals, minMove: 10 ** -priceDecimals } });
  }, [priceDecimals, data.kind, pal, height, intraday]);

  useEffect(() => {
    marksRef.current?.setMarkers(seriesMarkers(marks, pal, selectedTradeId));
  }, [marks, pal, selectedTradeId, data.kind]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || selectedTradeId === null || selectedTradeId === pickedHere.current) return;
    const times = [...values.keys()];
    const own = marks.filter((m) => selectionId(m) === selectedTradeId);
    if (own.length === 0) return;
    const first = times.indexOf(own[0].time);
    const last = times.indexOf(own[own.length - 1].time);
    const pad = Math.max(10, (last - first) / 2);
    chart.timeScale().setVisibleLogicalRange({ from: first - pad, to: last + pad });
  }, [selectedTradeId, marks, values]);

  return (
    <div className="chart lw-chart" ref={wrapRef} data-testid={testId} data-scale={log ? 'log' : 'linear'} data-kind={data.kind} data-bars={values.size} data-selected-trade={selectedTradeId ?? ''}>
      <div className="lw-chart__tools">
        <LogToggle log={log} onToggle={() => setLog((v) => !v)} what="price" />
        {shaped.hidden > 0 && (
          <span className="muted" data-testid="log-hidden">
            {shaped.hidden} bars at or below zero not drawn on a log scale
          </span>
        )}
      </div>
      <div className="lw-chart__frame" onMouseLeave={() => setHover(null)}>
        <div className="lw-chart__plot" ref={plotRef} style={{ height }} />
        {hover && <MarkTooltip marks={hover.marks} x={hover.x} y={hover.y} priceDecimals={priceDecimals} />}
      </div>
    </div>
  );
}
