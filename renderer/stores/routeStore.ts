import { create } from 'zustand';
import { parseHash, routeHash, type Route } from '../app/routes';

interface RouteStore {
  route: Route;
  /** Sets the hash; the hashchange listener updates `route`, so back/forward behave the same. */
  navigate: (route: Route) => void;
}

export const useRouteStore = create<RouteStore>(() => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  navigate: (route) => {
    location.hash = routeHash(route);
  },
}));

/** Keeps the store in step with the URL hash; returns the unsubscribe. */
export function bindRouteToHash(win: Window): () => void {
  const sync = (): void => useRouteStore.setState({ route: parseHash(win.location.hash) });
  win.addEventListener('hashchange', sync);
  sync();
  return () => win.removeEventListener('hashchange', sync);
}

export const navigate = (route: Route): void => useRouteStore.getState().navigate(route);
