import { useEffect, useMemo, useRef, useState } from 'react';
import {
  BaselineSeries,
  createChart,
  createSeriesMarkers,
  LineSeries,
  PriceScaleMode,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type MouseEventParams,
  type Time,
} from 'lightweight-charts';
import { fmtNumber } from '../common/format';
import { useChartPalette } from './chartTheme';
import { followCrosshair, markCrosshair, publishCrosshair } from './crosshairStore';
import { equitySeries, type EquityCurveInput } from './equitySeries';
import { lwChartOptions, useRangeAttributes, withAlpha } from './lwChartOptions';
import { toUtc } from './lwSeries';
import { RangeBrush } from './RangeBrush';
import './charts.css';
import { LogToggle } from './LogToggle';

const DRAWDOWN_PANE = 110;

export interface EquityLwChartProps {
  curve: EquityCurveInput;
  selectedTs: number | null;
  /** Called with the engine's stamp of the clicked session. */
  onPickDate: (ts: number) => void;
  syncGroup?: string;
  height?: number;
}

/** Strategy equity over its benchmark, the drawdown in a pane below on the same time axis, and a range brush. */
export function EquityLwChart({ curve, selectedTs, onPickDate, syncGroup, height = 400 }: EquityLwChartProps) {
  const pal = useChartPalette();
  const wrapRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const [chart, setChart] = useState<IChartApi | null>(null);
  const seriesRef = useRef<{ equity: ISeriesApi<'Line'>; benchmark: ISeriesApi<'Line'>; drawdown: ISeriesApi<'Baseline'> } | null>(null);
  const marksRef = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const [log, setLog] = useState(false);
  const sourceId = useMemo(() => `equity-${Math.random().toString(36).slice(2)}`, []);
  const shaped = useMemo(() => equitySeries(curve, log), [curve, log]);
  const values = useMemo(() => new Map(shaped.equity.map((p) => [p.time as number, p.value])), [shaped]);

  const latest = useRef({ onPickDate, syncGroup, values, stampOf: shaped.stampOf });
  latest.current = { onPickDate, syncGroup, values, stampOf: shaped.stampOf };

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const c = createChart(el, lwChartOptions(pal, height, false));
    // Money with thousands separators and no cents: the axis of a 100,000 account stays narrow.
    const money = { type: 'custom' as const, formatter: (v: number) => fmtNumber(v, 0), minMove: 1 };
    const benchmark = c.addSeries(LineSeries, { color: pal.benchmark, lineWidth: 1, lastValueVisible: false, priceLineVisible: false, title: 'Buy & hold', priceFormat: money });
    const equity = c.addSeries(LineSeries, { color: pal.equity, lineWidth: 2, priceLineVisible: false, title: 'Equity', priceFormat: money });
    const drawdown = c.addSeries(
      BaselineSeries,
      {
        baseValue: { type: 'price', price: 0 },
        bottomLineColor: pal.down,
        bottomFillColor1: withAlpha(pal.down, 0.35),
        bottomFillColor2: withAlpha(pal.down, 0.12),
        topLineColor: pal.down,
        lineWidth: 1,
        priceLineVisible: false,
        priceFormat: { type: 'percent' },
        title: 'Drawdown',
      },
      1,
    );
    c.panes()[1]?.setHeight(DRAWDOWN_PANE);
    seriesRef.current = { equity, benchmark, drawdown };
    marksRef.current = createSeriesMarkers(equity, []);
    chartRef.current = c;
    setChart(c);

    const onMove = (param: MouseEventParams): void => {
      publishCrosshair(param, sourceId, latest.current.syncGroup);
      markCrosshair(wrapRef.current, param);
    };
    const onClick = (param: MouseEventParams): void => {
      if (typeof param.time !== 'number') return;
      latest.current.onPickDate(latest.current.stampOf.get(param.time) ?? param.time * 1000);
    };
    c.subscribeCrosshairMove(onMove);
    c.subscribeClick(onClick);
    const unfollow = followCrosshair(c, equity, sourceId, () => latest.current.syncGroup, (t) => latest.current.values.get(t), () => wrapRef.current);
    return () => {
      unfollow();
      c.unsubscribeCrosshairMove(onMove);
      c.unsubscribeClick(onClick);
      c.remove();
      chartRef.current = null;
      seriesRef.current = null;
      marksRef.current = null;
      setChart(null);
    };
  }, [pal, height, sourceId]);

  useRangeAttributes(chartRef, wrapRef, chart);

  const curveRef = useRef<EquityCurveInput | null>(null);
  useEffect(() => {
    const s = seriesRef.current;
    if (!s || !chart) return;
    s.equity.setData(shaped.equity);
    s.benchmark.setData(shaped.benchmark);
    s.drawdown.setData(shaped.drawdown);
    if (curveRef.current !== curve) chart.timeScale().fitContent();
    curveRef.current = curve;
  }, [shaped, curve, chart]);

  useEffect(() => {
    seriesRef.current?.equity.priceScale().applyOptions({ mode: log ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal });
  }, [log, chart]);

  useEffect(() => {
    const t = selectedTs === null ? null : toUtc(selectedTs);
    marksRef.current?.setMarkers(t === null || !values.has(t) ? [] : [{ time: t, position: 'inBar', shape: 'circle', color: pal.accent, size: 1 }]);
  }, [selectedTs, values, pal, chart]);

  return (
    <div
      className="chart chart--clickable lw-chart"
      ref={wrapRef}
      data-testid="equity-chart"
      data-scale={log ? 'log' : 'linear'}
      data-points={shaped.equity.length}
      data-selected-ts={selectedTs ?? ''}
    >
      <div className="lw-chart__tools">
        <LogToggle log={log} onToggle={() => setLog((v) => !v)} what="equity" />
        <span className="muted">Drawdown below · click a session for its positions</span>
        {shaped.hidden > 0 && <span className="muted">{shaped.hidden} points at or below zero not drawn on a log scale</span>}
      </div>
      <div className="lw-chart__frame">
        <div className="lw-chart__plot" ref={plotRef} style={{ height }} />
      </div>
      <RangeBrush target={chart} line={shaped.equity} pal={pal} />
    </div>
  );
}
