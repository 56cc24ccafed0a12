import type { ControlPlaneMode } from '../layout/viewGraph';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { TEST_IDS, VIEW_IDS } from '../testIds';
import { KubeVersionSelect } from './KubeVersionSelect';
import { useMenu } from './useMenu';

const selectNodeCount = (s: Store) => s.nodeCount;
const selectViewMode = (s: Store) => s.viewMode;
/** Nodes the files define (`kind: Node`): they replace the simulated ones. */
const selectRealNodes = (s: Store) => s.topology.objects.filter((o) => o.role === 'node' && !o.simulated).length;
const selectControlPlane = (s: Store) => s.controlPlane;
const selectShowConfig = (s: Store) => s.showConfig;
const selectShowImages = (s: Store) => s.showImages;

const VIEW_LABEL = { infrastructure: 'Infrastructure', application: 'Application' } as const;

/**
 * The Kubernetes picture's settings, in one menu so the toolbar fits a 1024 px window: the view,
 * the control plane, the layers, the worker nodes and the Kubernetes version checked against.
 */
export function ViewMenu() {
  const store = useStoreApi();
  const { open, setOpen, root } = useMenu();
  const nodeCount = useAppStore(selectNodeCount);
  const viewMode = useAppStore(selectViewMode);
  const realNodes = useAppStore(selectRealNodes);
  const controlPlane = useAppStore(selectControlPlane);
  const showConfig = useAppStore(selectShowConfig);
  const showImages = useAppStore(selectShowImages);

  return (
    <div className="menu" ref={root}>
      <button
        className="button"
        data-testid={VIEW_IDS.viewMenu}
        aria-expanded={open}
        aria-haspopup="true"
        title="View, layers, worker nodes and Kubernetes version"
        onClick={() => setOpen((o) => !o)}
      >
        {VIEW_LABEL[viewMode]} view ▾
      </button>
      {open && (
        <div className="menu-list menu-panel view-panel" role="group" aria-label="View settings">
          <label className="field">
            View
            <select
              data-testid={TEST_IDS.viewMode}
              value={viewMode}
              onChange={(e) => store.getState().setViewMode(e.currentTarget.value as 'infrastructure' | 'application')}
            >
              <option value="infrastructure">Infrastructure: nodes and pods</option>
              <option value="application">Application: namespaces and workloads</option>
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
            Config &amp; storage layer
          </label>
          <label className="field" title="Draw the image registries and the worker nodes that pull from each">
            <input
              type="checkbox"
              data-testid={VIEW_IDS.showImages}
              checked={showImages}
              disabled={viewMode === 'application'}
              onChange={(e) => store.getState().setShowImages(e.currentTarget.checked)}
            />
            Images layer
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
          <KubeVersionSelect />
        </div>
      )}
    </div>
  );
}
