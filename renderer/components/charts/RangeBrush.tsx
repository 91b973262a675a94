import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { createChart, LineSeries, type IChartApi, type LineData, type LogicalRange, type UTCTimestamp } from 'lightweight-charts';
import type { ChartPalette } from './chartTheme';
import { brushLogicalRange } from './equitySeries';
import { lwChartOptions } from './lwChartOptions';

const HEIGHT = 48;

interface RangeBrushProps {
  /** The chart the brush zooms; it holds the same points, so bar indexes match. */
  target: IChartApi | null;
  line: LineData<UTCTimestamp>[];
  pal: ChartPalette;
}

/** The whole curve in small with the main chart's window on it: drag to pick a range, double-click for all of it. */
export function RangeBrush({ target, line, pal }: RangeBrushProps) {
  const plotRef = useRef<HTMLDivElement>(null);
  const miniRef = useRef<IChartApi | null>(null);
  const [windowPx, setWindowPx] = useState<{ left: number; width: number } | null>(null);
  const drag = useRef<number | null>(null);

  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const mini = createChart(el, {
      ...lwChartOptions(pal, HEIGHT, false),
      handleScale: false,
      handleScroll: false,
      crosshair: { vertLine: { visible: false }, horzLine: { visible: false } },
      grid: { vertLines: { visible: false }, horzLines: { visible: false } },
      rightPriceScale: { visible: false },
      leftPriceScale: { visible: false },
      timeScale: { visible: false },
    });
    const series = mini.addSeries(LineSeries, { color: pal.muted, lineWidth: 1, lastValueVisible: false, priceLineVisible: false });
    series.setData(line);
    mini.timeScale().fitContent();
    miniRef.current = mini;
    return () => {
      mini.remove();
      miniRef.current = null;
    };
  }, [line, pal]);

  useEffect(() => {
    if (!target) return;
    const onRange = (range: LogicalRange | null): void => {
      const mini = miniRef.current;
      if (!mini || !range) return;
      const a = mini.timeScale().logicalToCoordinate(range.from);
      const b = mini.timeScale().logicalToCoordinate(range.to);
      if (a === null || b === null) return;
      const width = plotRef.current?.clientWidth ?? 0;
      const left = Math.max(0, a);
      setWindowPx({ left, width: Math.max(2, Math.min(width, b) - left) });
    };
    target.timeScale().subscribeVisibleLogicalRangeChange(onRange);
    onRange(target.timeScale().getVisibleLogicalRange());
    return () => target.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
  }, [target, line]);

  const logicalAt = (e: PointerEvent<HTMLDivElement>): number | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return miniRef.current?.timeScale().coordinateToLogical(e.clientX - box.left) ?? null;
  };
  const apply = (e: PointerEvent<HTMLDivElement>): void => {
    const range = brushLogicalRange(drag.current, logicalAt(e));
    if (range && target) target.timeScale().setVisibleLogicalRange(range);
  };

  return (
    <div
      className="range-brush"
      data-testid="range-brush"
      title="Drag to zoom the charts above to a period; double-click to show the whole run"
      onPointerDown={(e) => {
        drag.current = logicalAt(e);
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => drag.current !== null && apply(e)}
      onPointerUp={(e) => {
        if (drag.current !== null) apply(e);
        drag.current = null;
      }}
      onDoubleClick={() => target?.timeScale().fitContent()}
    >
      <div ref={plotRef} style={{ height: HEIGHT }} />
      {windowPx && <div className="range-brush__window" style={{ left: windowPx.left, width: windowPx.width }} />}
    </div>
  );
}
