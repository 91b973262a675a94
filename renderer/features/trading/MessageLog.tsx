import { useMemo, useState } from 'react';
import type { LogEntryDto } from '../../../core/ipc/contract/trading';
import { visibleLog, type LevelFilter } from './messageLog';
import { EmptyNote, Panel } from './Panel';
import { fmtClock } from './tradingFormat';

/** Shown at most; the filter reaches the rest. */
const SHOWN = 200;

/** The broker's messages (IB codes such as 2104, 1100, 326, 201), newest first, filterable. */
export function MessageLog({ entries }: { entries: readonly LogEntryDto[] }) {
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState<LevelFilter>('');
  const shown = useMemo(() => visibleLog(entries, query, level), [entries, query, level]);
  return (
    <Panel
      title="Broker messages"
      testId="message-log"
      actions={
        <>
          <input
            type="search"
            className="input input--search trading-log__search"
            placeholder="Filter code or text"
            aria-label="Filter broker messages"
            data-testid="log-filter"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <select className="select" aria-label="Message level" data-testid="log-level" value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
            <option value="">All levels</option>
            <option value="warning">Warnings and errors</option>
            <option value="error">Errors</option>
          </select>
        </>
      }
    >
      {shown.length === 0 ? (
        <EmptyNote>{entries.length === 0 ? 'No message from the broker yet.' : 'No message matches the filter.'}</EmptyNote>
      ) : (
        <div className="table-wrap trading-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Time</th>
                <th className="num">Code</th>
                <th>Message</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, SHOWN).map((e, i) => (
                <tr key={`${e.ts}-${i}`} data-testid="log-row" data-level={e.level} data-code={e.code ?? ''}>
                  <td className="muted">{fmtClock(e.ts)}</td>
                  <td className="num mono">{e.code ?? ''}</td>
                  <td className={`trading-log__text trading-log__text--${e.level}`}>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
