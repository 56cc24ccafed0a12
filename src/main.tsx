import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPersistence, restoreWorkspace } from './state/persistence';
import { startPipeline } from './state/pipeline';
import { useStore } from './state/store';
import { App } from './ui/App';
import { installPalette } from './ui/installPalette';
import './ui/styles.css';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

installPalette(document);
restoreWorkspace(useStore, storage());
startPersistence(useStore, storage());
startPipeline(useStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
