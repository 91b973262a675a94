import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from '../core/ipc/client';
import { ApiProvider } from './api/ApiProvider';
import { chooseTransport } from './api/chooseTransport';
import { syncWithEngine } from './api/engineSync';
import { createQueryClient } from './api/queryClient';
import { App } from './app/App';
import { useConnectionStore } from './stores/connectionStore';
import { bindRouteToHash } from './stores/routeStore';
import './styles/index.css';

const { kind, transport } = chooseTransport(window, (reason) => useConnectionStore.setState({ refused: reason }));
useConnectionStore.setState({ kind });
const api = new ApiClient(transport);
const queryClient = createQueryClient();
syncWithEngine(api, queryClient);
bindRouteToHash(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ApiProvider>
  </StrictMode>,
);
