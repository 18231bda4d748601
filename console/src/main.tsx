import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { FEATURES } from './app/features';
import { initI18n } from './app/i18n';
import { commonMessages } from './app/messages';
import { signInMessages } from './auth/messages';
import { SessionProvider } from './auth/session';
import './app/styles.css';

initI18n({ common: commonMessages, auth: signInMessages, ...Object.fromEntries(FEATURES.map((f) => [f.namespace, f.messages])) });

const queries = new QueryClient({
  defaultOptions: {
    // An answer is a department's data as of now: refetch when the screen is opened again, never retry a refusal.
    queries: { staleTime: 10_000, retry: false, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
