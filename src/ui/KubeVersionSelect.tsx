import { KUBE_VERSIONS } from '../core/kubernetes/schema/versions';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { KUBE_IDS } from '../testIds';

const selectKubeVersion = (s: Store) => s.kubeVersion;
const selectWorld = (s: Store) => s.topology.world;

/** The Kubernetes version the files are checked against (schemas, removed APIs); shown for Kubernetes workspaces. */
export function KubeVersionSelect() {
  const store = useStoreApi();
  const kubeVersion = useAppStore(selectKubeVersion);
  const world = useAppStore(selectWorld);
  if (world !== 'kubernetes') return null;
  return (
    <label className="field" title="Check the files as the API server of this Kubernetes version would">
      Kubernetes
      <select
        data-testid={KUBE_IDS.kubeVersion}
        value={kubeVersion}
        onChange={(e) => store.getState().setKubeVersion(e.currentTarget.value)}
      >
        {KUBE_VERSIONS.map((version, index) => (
          <option key={version} value={version}>
            {version}
            {index === 0 ? ' (latest)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
