import { useRef } from 'react';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import type { ThemeChoice } from '../state/viewSlice';
import { ComposeSettings } from './ComposeSettings';
import { KubeVersionSelect } from './KubeVersionSelect';
import { SampleMenu } from './SampleMenu';
import { ExportMenu } from './ExportMenu';
import { ShareMenu } from './ShareMenu';
import { PresentButton } from './present/PresentButton';
import type { ControlPlaneMode } from '../layout/viewGraph';
import { TEST_IDS, VIEW_IDS } from '../testIds';
import { addFilesToWorkspace } from './workspaceFiles';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemeChoice, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

const selectTheme = (s: Store) => s.theme;
const selectCollapsed = (s: Store) => s.editorCollapsed;
const selectNodeCount = (s: Store) => s.nodeCount;
const selectViewMode = (s: Store) => s.viewMode;
const selectWorld = (s: Store) => s.topology.world;
/** Nodes the files define (`kind: Node`): they replace the simulated ones. */
const selectRealNodes = (s: Store) => s.topology.objects.filter((o) => o.role === 'node' && !o.simulated).length;
const selectControlPlane = (s: Store) => s.controlPlane;
const selectShowConfig = (s: Store) => s.showConfig;
const selectShowImages = (s: Store) => s.showImages;

/** The top bar: samples, open, view settings, theme. */
export function Toolbar() {
  const store = useStoreApi();
  const theme = useAppStore(selectTheme);
  const collapsed = useAppStore(selectCollapsed);
  const nodeCount = useAppStore(selectNodeCount);
  const viewMode = useAppStore(selectViewMode);
  const world = useAppStore(selectWorld);
  const realNodes = useAppStore(selectRealNodes);
  const controlPlane = useAppStore(selectControlPlane);
  const showConfig = useAppStore(selectShowConfig);
  const showImages = useAppStore(selectShowImages);
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
        Portolan
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
      <ShareMenu />
      <span className="toolbar-spacer" />
      {world === 'compose' && <ComposeSettings />}
      <KubeVersionSelect />
      <PresentButton />
      {world === 'kubernetes' && (
        <>
          <label className="field">
            View
            <select
              data-testid={TEST_IDS.viewMode}
              value={viewMode}
              onChange={(e) => store.getState().setViewMode(e.currentTarget.value as 'infrastructure' | 'application')}
            >
              <option value="infrastructure">Infrastructure</option>
              <option value="application">Application</option>
            </select>
          </label>
          <label
            className="field"
            title={viewMode === 'application' ? 'The application view draws no control plane' : undefined}
          >
            Control plane
            <select
              data-testid={VIEW_IDS.controlPlane}
              value={controlPlane}
              disabled={viewMode === 'application'}
              onChange={(e) => store.getState().setControlPlane(e.currentTarget.value as ControlPlaneMode)}
            >
              <option value="collapsed">Collapsed</option>
              <option value="expanded">Expanded</option>
              <option value="hidden">Hidden</option>
            </select>
          </label>
          <label className="field" title="Draw ConfigMaps, Secrets, volumes and ServiceAccounts">
            <input
              type="checkbox"
              data-testid={VIEW_IDS.showConfig}
              checked={showConfig}
              onChange={(e) => store.getState().setShowConfig(e.currentTarget.checked)}
            />
            Config &amp; storage
          </label>
          <label className="field" title="Draw the image registries and the worker nodes that pull from each">
            <input
              type="checkbox"
              data-testid={VIEW_IDS.showImages}
              checked={showImages}
              disabled={viewMode === 'application'}
              onChange={(e) => store.getState().setShowImages(e.currentTarget.checked)}
            />
            Images
          </label>
          <label
            className="field"
            title={
              realNodes
                ? 'The files define their own Nodes; Portolan schedules pods on those.'
                : 'How many simulated worker nodes (node-1 … node-N) to schedule pods on'
            }
          >
            Worker nodes
            <input
              type="number"
              min={1}
              max={20}
              value={realNodes || nodeCount}
              disabled={realNodes > 0}
              data-testid={TEST_IDS.nodeCount}
              onChange={(e) => store.getState().setNodeCount(Number(e.currentTarget.value))}
            />
          </label>
        </>
      )}
      <ExportMenu />
      <button
        className="button"
        data-testid={TEST_IDS.themeToggle}
        data-theme-choice={theme}
        onClick={() => store.getState().setTheme(NEXT_THEME[theme])}
      >
        {THEME_LABEL[theme]}
      </button>
    </header>
  );
}
