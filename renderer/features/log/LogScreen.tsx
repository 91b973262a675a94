import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MethodOutput } from '../../../core/ipc/contract';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { ErrorNote } from '../../components/common/ErrorNote';
import { logTime, LEVEL_CHOICES, type LevelChoice } from './logView';
import './log.css';

/** How often the view asks for new lines while auto-refresh is on. */
export const REFRESH_MS = 2000;
const LIMIT = 500;

type Logs = MethodOutput<'system.logs'>;

/**
 * The engine's structured log (host, jobs, IB messages, failed calls): the newest lines first, filtered
 * by level, refreshed every two seconds unless paused.
 */
export function LogScreen() {
  const api = useApi();
  const [level, setLevel] = useState<LevelChoice>('info');
  const [auto, setAuto] = useState(true);
  const logs = useQuery<Logs, ApiError>({
    queryKey: ['system.logs', level],
    queryFn: () => api.call('system.logs', { limit: LIMIT, level }),
    refetchInterval: auto ? REFRESH_MS : false,
  });
  const entries = [...(logs.data?.entries ?? [])].reverse();
  return (
    <div>
      <div className="screen-head">
        <h1>Log</h1>
        <div className="row">
          <label className="row">
            Level
            <select value={level} onChange={(e) => setLevel(e.target.value as LevelChoice)} data-testid="log-level">
              {LEVEL_CHOICES.map((l) => (
                <option key={l} value={l}>
                  {l === 'debug' ? 'everything' : `${l} and above`}
                </option>
              ))}
            </select>
          </label>
          <label className="row">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} data-testid="log-auto" />
            Auto-refresh
          </label>
          <button type="button" className="btn" onClick={() => void logs.refetch()} data-testid="log-refresh">
            Refresh
          </button>
        </div>
      </div>
      <ErrorNote error={logs.error} what="The log could not be read" />
      {logs.data && <p className="muted">{`Files in ${logs.data.dir}, newest line first (at most ${LIMIT}).`}</p>}
      {logs.data && entries.length === 0 && (
        <div className="empty card" data-testid="log-empty">
          <p>No log line at this level yet.</p>
        </div>
      )}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="table log-table" data-testid="log-table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Level</th>
                <th>Part</th>
                <th>Message</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.time}-${i}`} className={`log-row log-row--${e.level}`}>
                  <td className="log-time">{logTime(e.time)}</td>
                  <td>
                    <span className={`log-level log-level--${e.level}`}>{e.level}</span>
                  </td>
                  <td>{e.component ?? ''}</td>
                  <td>
                    {e.msg}
                    {e.detail && <span className="log-detail">{e.detail}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
