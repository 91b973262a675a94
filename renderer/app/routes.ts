/** The screens, addressed by the URL hash so reloads and the back button keep the place. */
export type Route =
  | { name: 'backtests' }
  | { name: 'new'; from: string | null }
  | { name: 'run'; runId: string }
  | { name: 'compare'; ids: string[] }
  | { name: 'research'; from: string | null }
  | { name: 'sweep'; id: string }
  | { name: 'walkForward'; id: string }
  | { name: 'jobs' }
  | { name: 'data' }
  | { name: 'trading' }
  | { name: 'sessions' }
  | { name: 'session'; id: string }
  | { name: 'log' };

export const DEFAULT_ROUTE: Route = { name: 'backtests' };

/**
 * Parses `#/runs/<id>`, `#/new?from=<id>`, `#/compare?ids=a,b`, `#/research[?from=<run>]`,
 * `#/research/sweeps/<id>`, `#/research/walkforward/<id>`, `#/sessions[/<id>]`, ...; anything else is the list.
 */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)).split('/').filter((p) => p !== '');
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  switch (path[0]) {
    case 'new':
      return { name: 'new', from: params.get('from') || null };
    case 'runs':
      return path[1] ? { name: 'run', runId: decodeURIComponent(path[1]) } : DEFAULT_ROUTE;
    case 'compare':
      return { name: 'compare', ids: (params.get('ids') ?? '').split(',').filter((id) => id !== '') };
    case 'research':
      return parseResearch(path, params);
    case 'jobs':
      return { name: 'jobs' };
    case 'data':
      return { name: 'data' };
    case 'trading':
      return { name: 'trading' };
    case 'sessions':
      return path[1] ? { name: 'session', id: decodeURIComponent(path[1]) } : { name: 'sessions' };
    case 'log':
      return { name: 'log' };
    default:
      return DEFAULT_ROUTE;
  }
}

/** The research hub, or one sweep's or walk-forward's results; an incomplete address is the hub. */
function parseResearch(path: readonly string[], params: URLSearchParams): Route {
  const id = path[2] ? decodeURIComponent(path[2]) : null;
  if (path[1] === 'sweeps' && id) return { name: 'sweep', id };
  if (path[1] === 'walkforward' && id) return { name: 'walkForward', id };
  return { name: 'research', from: params.get('from') || null };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'backtests':
      return '#/backtests';
    case 'new':
      return route.from ? `#/new?from=${encodeURIComponent(route.from)}` : '#/new';
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case 'compare':
      return route.ids.length > 0 ? `#/compare?ids=${route.ids.map(encodeURIComponent).join(',')}` : '#/compare';
    case 'research':
      return route.from ? `#/research?from=${encodeURIComponent(route.from)}` : '#/research';
    case 'sweep':
      return `#/research/sweeps/${encodeURIComponent(route.id)}`;
    case 'walkForward':
      return `#/research/walkforward/${encodeURIComponent(route.id)}`;
    case 'jobs':
      return '#/jobs';
    case 'data':
      return '#/data';
    case 'trading':
      return '#/trading';
    case 'sessions':
      return '#/sessions';
    case 'session':
      return `#/sessions/${encodeURIComponent(route.id)}`;
    case 'log':
      return '#/log';
  }
}
