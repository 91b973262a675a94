import { BacktestsScreen } from '../features/backtests/BacktestsScreen';
import { CompareScreen } from '../features/compare/CompareScreen';
import { DataScreen } from '../features/data/DataScreen';
import { JobsScreen } from '../features/jobs/JobsScreen';
import { LogScreen } from '../features/log/LogScreen';
import { NewBacktestScreen } from '../features/newBacktest/NewBacktestScreen';
import { ResearchScreen } from '../features/research/ResearchScreen';
import { SweepScreen } from '../features/research/SweepScreen';
import { WalkForwardScreen } from '../features/research/WalkForwardScreen';
import { RunDetailScreen } from '../features/runDetail/RunDetailScreen';
import { SessionDetailScreen } from '../features/sessions/SessionDetailScreen';
import { SessionsScreen } from '../features/sessions/SessionsScreen';
import { LiveBanner } from '../features/trading/LiveBanner';
import { TradingScreen } from '../features/trading/TradingScreen';
import { useConnectionStore } from '../stores/connectionStore';
import { useRouteStore } from '../stores/routeStore';
import { Notifications } from './Notifications';
import './notifications.css';
import { RefusedScreen } from './RefusedScreen';
import type { Route } from './routes';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'backtests':
      return <BacktestsScreen />;
    case 'new':
      return <NewBacktestScreen from={route.from} />;
    case 'run':
      return <RunDetailScreen key={route.runId} runId={route.runId} />;
    case 'compare':
      return <CompareScreen ids={route.ids} />;
    case 'research':
      return <ResearchScreen from={route.from} />;
    case 'sweep':
      return <SweepScreen key={route.id} id={route.id} />;
    case 'walkForward':
      return <WalkForwardScreen key={route.id} id={route.id} />;
    case 'jobs':
      return <JobsScreen />;
    case 'data':
      return <DataScreen />;
    case 'trading':
      return <TradingScreen />;
    case 'sessions':
      return <SessionsScreen />;
    case 'session':
      return <SessionDetailScreen key={route.id} id={route.id} />;
    case 'log':
      return <LogScreen />;
  }
}

export function App() {
  const route = useRouteStore((s) => s.route);
  const refused = useConnectionStore((s) => s.refused);
  return (
    <div className="app">
      <TopBar route={route} />
      <main className="screen" data-testid={`screen-${route.name}`}>
        <LiveBanner />
        {refused !== null ? <RefusedScreen reason={refused} /> : <Screen route={route} />}
      </main>
      <StatusBar />
      <Notifications />
    </div>
  );
}
