import 'bootstrap/dist/css/bootstrap.min.css';
import '@crmkit/ui/styles.css';
import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { SessionProvider } from './app/session.js';
import { PreferencesProvider } from './i18n/preferences.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PreferencesProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </PreferencesProvider>
  </StrictMode>,
);
