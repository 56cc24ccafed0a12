import { useRef } from 'react';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import type { ThemeChoice } from '../state/viewSlice';
import { ComposeSettings } from './ComposeSettings';
import { ViewMenu } from './ViewMenu';
import { SearchBox } from './SearchBox';
import { SampleMenu } from './SampleMenu';
import { ExportMenu } from './ExportMenu';
import { ShareMenu } from './ShareMenu';
import { PresentButton } from './present/PresentButton';
import { TEST_IDS } from '../testIds';
import { addFilesToWorkspace } from './workspaceFiles';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};
const THEME_ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

const selectTheme = (s: Store) => s.theme;
const selectCollapsed = (s: Store) => s.editorCollapsed;
const selectWorld = (s: Store) => s.topology.world;

/** The top bar: samples, open, view settings, theme. */
export function Toolbar() {
  const store = useStoreApi();
  const theme = useAppStore(selectTheme);
  const collapsed = useAppStore(selectCollapsed);
  const world = useAppStore(selectWorld);
  const input = useRef<HTMLInputElement>(null);

  return (
    <header className="toolbar">
      <button
        className="button icon-button"
        data-testid={TEST_IDS.editorToggle}
        aria-pressed={!collapsed}
        title={collapsed ? 'Show the editor' : 'Hide the editor'}
        onClick={() => store.getState().toggleEditor()}
      >
        {collapsed ? '⟩' : '⟨'}
      </button>
      <span className="brand">
        <svg className="brand-mark" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12 3 L14.5 12 L12 21 L9.5 12 Z" fill="currentColor" />
        </svg>{' '}
        <span className="brand-name">Portolan</span>
      </span>
      <SampleMenu />
      <button className="button" data-testid={TEST_IDS.openFiles} onClick={() => input.current?.click()}>
        Open…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml,.json,.env,.conf,text/yaml"
        hidden
        data-testid={TEST_IDS.openInput}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void addFilesToWorkspace(store, files);
        }}
      />
      <span className="toolbar-spacer" />
      <SearchBox />
      {world === 'compose' && <ComposeSettings />}
      {world === 'kubernetes' && <ViewMenu />}
      <span className="toolbar-divider" aria-hidden="true" />
      <ShareMenu />
      <ExportMenu />
      <PresentButton />
      <button
        className="button icon-button theme-button"
        data-testid={TEST_IDS.themeToggle}
        data-theme-choice={theme}
        title={`${THEME_LABEL[theme]} (click for the next)`}
        aria-label={THEME_LABEL[theme]}
        onClick={() => store.getState().setTheme(NEXT_THEME[theme])}
      >
        {THEME_ICON[theme]}
      </button>
    </header>
  );
}
