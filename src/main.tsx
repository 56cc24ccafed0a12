import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MatchMedia } from './state/environment';
import { openPageStorage } from './state/pageStorage';
import { planStart, startMode, storeOptionsFor } from './state/startModes';
import { createAppStore } from './state/store';
import { StoreProvider } from './state/StoreProvider';
import { installPalette } from './ui/installPalette';
import { StartApp } from './ui/StartApp';
import { readUrlParams } from './workspace';
import { chooseStartMode } from './workspace/startMode';
import './ui/styles.css';

installPalette(document);

const matchMedia: MatchMedia | undefined = window.matchMedia ? (query) => window.matchMedia(query) : undefined;

// The URL says which app starts; this is the only place that reads it or touches the page's globals.
const href = window.location.href;
const plan = planStart(chooseStartMode(href), readUrlParams(href), href);
const page = openPageStorage();
const store = createAppStore(storeOptionsFor(plan, { ...page, ...(matchMedia ? { matchMedia } : {}) }));
startMode(store, plan, page);

// Another link pasted into the address bar changes only the fragment: start again from it.
window.addEventListener('hashchange', () => window.location.reload());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <StartApp
        plan={plan}
        places={{
          ...(page.localStorage ? { storage: page.localStorage } : {}),
          ...(page.records ? { records: page.records } : {}),
        }}
      />
    </StoreProvider>
  </StrictMode>,
);
