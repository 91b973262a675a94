import { useMemo, useState, type FocusEvent, type MouseEvent } from 'react';
import { withMinus } from '../../components/common/format';
import { heatColour } from './heatScale';
import { HeatmapLegend } from './HeatmapLegend';
import { HeatmapTooltip } from './HeatmapTooltip';
import { fmtParam, paramsText, type ObjectiveInfo } from './metricFormat';
import type { ParamValue } from './paramModels';
import { ParamSelect } from './ParamSelect';
import { heatGrid, type HeatCell, type SliceMode, type SweepResults } from './sweepSlices';

/** More values than this on a side make cells too thin to read or click (a random search over a range). */
export const MAX_SIDE = 60;
/** Cells print their value while there are at most this many columns. */
const MAX_LABELLED_COLUMNS = 16;

/** A value short enough for a cell: two decimals under 10, one under 100, none above. */
export function cellText(v: number): string {
  const a = Math.abs(v);
  return withMinus(v.toFixed(a < 10 ? 2 : a < 100 ? 1 : 0));
}

interface Hover {
  cell: HeatCell;
  left: number;
  top: number;
}

interface ParamHeatmapProps {
  sweep: SweepResults;
  objective: ObjectiveInfo;
  mode: SliceMode;
  openingIndex: number | null;
  onOpen: (index: number) => void;
}

/**
 * The objective over two chosen parameters, the others held at the best combination's values (or
 * at the best for each cell): one coloured cell per pair of values, empty where no combination ran.
 * A cell opens its combination's run.
 */
export function ParamHeatmap({ sweep, objective, mode, openingIndex, onOpen }: ParamHeatmapProps) {
  const names = sweep.paramNames;
  const [x, setX] = useState(names[0] ?? '');
  const [y, setY] = useState(names[1] ?? names[0] ?? '');
  const [hover, setHover] = useState<Hover | null>(null);
  const grid = useMemo(() => heatGrid(sweep, x, y, mode, objective.direction), [sweep, x, y, mode, objective.direction]);
  const bestIndex = sweep.best === null ? null : (sweep.results[sweep.best]?.index ?? null);

  if (names.length < 2) {
    return (
      <section className="card" data-testid="sweep-heatmap">
        <h2>Heatmap</h2>
        <p className="muted">A heatmap needs two varied parameters; this sweep varied one.</p>
      </section>
    );
  }

  const pick = (axis: 'x' | 'y', name: string): void => {
    // Picking the other axis's parameter swaps the two, so both always differ.
    if (axis === 'x') {
      if (name === y) setY(x);
      setX(name);
    } else {
      if (name === x) setX(y);
      setY(name);
    }
    setHover(null);
  };
  const show = (cell: HeatCell) => (e: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
    const el = e.currentTarget;
    setHover({ cell, left: el.offsetLeft + el.offsetWidth / 2, top: el.offsetTop });
  };
  const tooBig = grid.xs.length > MAX_SIDE || grid.ys.length > MAX_SIDE;
  // Numbers read upward, as on a chart's y axis.
  const rows = [...grid.rows].reverse();
  const labelled = grid.xs.length <= MAX_LABELLED_COLUMNS;
  // Cells narrow as columns multiply, so a wide grid still fits its card without scrolling.
  const cellMin = Math.max(8, Math.min(26, Math.floor(460 / Math.max(1, grid.xs.length))));
  const label = (cell: HeatCell, v: number | null): string =>
    `${x} ${fmtParam(cell.x)}, ${y} ${fmtParam(cell.y)}: ${objective.label} ${v === null ? 'undefined' : cellText(v)}${cell.result ? ` (${paramsText(cell.result.params, names)})` : ''}`;

  return (
    <section className="card" aria-labelledby="heatmap-title" data-testid="sweep-heatmap">
      <div className="card__head">
        <h2 id="heatmap-title">Heatmap</h2>
        <ParamSelect label="X" names={names} value={x} onChange={(n) => pick('x', n)} testId="heatmap-x" />
        <ParamSelect label="Y" names={names} value={y} onChange={(n) => pick('y', n)} testId="heatmap-y" />
      </div>
      {tooBig ? (
        <p className="muted" data-testid="heatmap-too-big">
          {x} took {grid.xs.length} values and {y} {grid.ys.length}: too many for a heatmap (a random search over a range draws new values every time). The line chart
          and the table show them.
        </p>
      ) : (
        <>
          <div className="hm__frame" onMouseLeave={() => setHover(null)}>
            <div className="hm" role="grid" aria-label={`${objective.label} by ${x} and ${y}`} style={{ gridTemplateColumns: `auto repeat(${grid.xs.length}, minmax(${cellMin}px, 1fr))` }}>
              {rows.map((row) => (
                <div key={String(row[0]?.y)} role="row" className="hm__row">
                  <div role="rowheader" className="hm__ylabel">
                    {fmtParam(row[0]?.y)}
                  </div>
                  {row.map((cell) => {
                    const common = { 'data-testid': 'heatmap-cell', 'data-x': String(cell.x), 'data-y': String(cell.y), role: 'gridcell' };
                    const v = cell.result?.objective ?? null;
                    if (!cell.result) return <div key={String(cell.x)} {...common} className="hm__cell hm__cell--empty" data-empty="true" />;
                    const index = cell.result.index;
                    const isBest = index === bestIndex;
                    return (
                      <button
                        key={String(cell.x)}
                        type="button"
                        {...common}
                        className={`hm__cell${isBest ? ' hm__cell--best' : ''}`}
                        data-index={index}
                        data-value={v ?? ''}
                        data-best={isBest || undefined}
                        aria-busy={openingIndex === index || undefined}
                        aria-label={label(cell, v)}
                        style={{ background: v === null || !grid.range ? undefined : heatColour(v, grid.range, objective.direction) }}
                        onMouseEnter={show(cell)}
                        onFocus={show(cell)}
                        onBlur={() => setHover(null)}
                        onClick={() => onOpen(index)}
                      >
                        {openingIndex === index ? '…' : labelled && v !== null ? cellText(v) : ''}
                      </button>
                    );
                  })}
                </div>
              ))}
              <div role="row" className="hm__row">
                <div className="hm__corner muted" role="columnheader">
                  {y} ↑ / {x} →
                </div>
                {grid.xs.map((xv: ParamValue) => (
                  <div key={String(xv)} role="columnheader" className="hm__xlabel">
                    {fmtParam(xv)}
                  </div>
                ))}
              </div>
            </div>
            {hover?.cell.result && <HeatmapTooltip cell={hover.cell} x={x} y={y} names={names} objective={objective} left={hover.left} top={hover.top} />}
          </div>
          <HeatmapLegend range={grid.range} objective={objective} />
        </>
      )}
    </section>
  );
}
