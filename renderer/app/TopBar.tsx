import { useJobs } from '../api/backtests';
import { isActive } from '../api/jobsCache';
import { isResearchActive } from '../features/research/researchJobs';
import { useResearchJobs } from '../features/research/researchQueries';
import { useSessions } from '../features/sessions/sessionQueries';
import { isActiveSession } from '../features/sessions/sessionsCache';
import type { Route } from './routes';

const LINKS: { name: Route['name']; label: string; href: string }[] = [
  { name: 'backtests', label: 'Backtests', href: '#/backtests' },
  { name: 'new', label: 'New backtest', href: '#/new' },
  { name: 'jobs', label: 'Jobs', href: '#/jobs' },
  { name: 'compare', label: 'Compare', href: '#/compare' },
  { name: 'research', label: 'Research', href: '#/research' },
  { name: 'data', label: 'Data', href: '#/data' },
  { name: 'trading', label: 'Trading', href: '#/trading' },
  { name: 'sessions', label: 'Sessions', href: '#/sessions' },
  { name: 'log', label: 'Log', href: '#/log' },
];

export function TopBar({ route }: { route: Route }) {
  const jobs = useJobs();
  const active = (jobs.data ?? []).filter(isActive).length;
  const research = useResearchJobs();
  const researching = (research.data ?? []).filter(isResearchActive).length;
  const sessions = (useSessions().data ?? []).filter(isActiveSession).length;
  // A run's detail belongs to the list it was opened from; a sweep's or walk-forward's to Research; a session's to Sessions.
  const current =
    route.name === 'run'
      ? 'backtests'
      : route.name === 'sweep' || route.name === 'walkForward'
        ? 'research'
        : route.name === 'session'
          ? 'sessions'
          : route.name;
  return (
    <header className="topbar">
      <a className="brand" href="#/backtests" aria-label="tradedesk home">
        <span className="brand__mark" aria-hidden="true" />
        tradedesk
      </a>
      <nav className="row" aria-label="Screens">
        {LINKS.map((l) => (
          <a key={l.name} className="nav-link" href={l.href} aria-current={current === l.name ? 'page' : undefined} data-testid={`nav-${l.name}`}>
            {l.label}
            {l.name === 'jobs' && active > 0 && <span className="nav-count">{active}</span>}
            {l.name === 'research' && researching > 0 && (
              <span className="nav-count" data-testid="nav-research-count">
                {researching}
              </span>
            )}
            {l.name === 'sessions' && sessions > 0 && (
              <span className="nav-count" data-testid="nav-sessions-count">
                {sessions}
              </span>
            )}
          </a>
        ))}
      </nav>
    </header>
  );
}
