import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MatchMedia, StorageLike } from './state/environment';
import { startMode, storeOptionsFor } from './state/startModes';
import { createAppStore } from './state/store';
import { StoreProvider } from './state/StoreProvider';
import { App } from './ui/App';
import { presentationSourceFromPage, startPresentation, urlWithoutPresent } from './state/presentation';
import { PresentPage } from './ui/present/PresentPage';
import { installPalette } from './ui/installPalette';
import { chooseStartMode } from './workspace/startMode';
import './ui/styles.css';

function localStorageOrNone(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked by privacy settings: nothing is saved
  }
}

installPalette(document);

const matchMedia: MatchMedia | undefined = window.matchMedia ? (query) => window.matchMedia(query) : undefined;

// The URL says which app starts; this is the only place that reads it or touches the page's globals.
const mode = chooseStartMode(window.location.href);
const store = createAppStore(storeOptionsFor(mode, { localStorage: localStorageOrNone(), matchMedia }));
if (mode.kind === 'present')
  startPresentation(store, presentationSourceFromPage(window.location.href, localStorageOrNone()));
else startMode(store, mode);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      {mode.kind === 'present' ? <PresentPage workspaceUrl={urlWithoutPresent(window.location.href)} /> : <App />}
    </StoreProvider>
  </StrictMode>,
);
