import { SAMPLES, type Sample } from '../samples';
import type { AppStore } from '../state/store';
import { useStoreApi } from '../state/StoreProvider';
import { TEST_IDS } from '../testIds';
import { useMenu } from './useMenu';

function isUnchangedSample(files: readonly { name: string; text: string }[]): boolean {
  return SAMPLES.some(
    (sample) =>
      sample.files.length === files.length &&
      sample.files.every((f, i) => f.name === files[i]?.name && f.text === files[i]?.text),
  );
}

/** Loads a sample as the workspace, asking first when that would replace the user's own work. */
export function loadSample(store: AppStore, sample: Sample): boolean {
  const state = store.getState();
  const ownWork = state.files.some((f) => f.text.trim()) && !isUnchangedSample(state.files);
  if (ownWork && !window.confirm(`Replace your workspace with the sample “${sample.title}”?`)) return false;
  state.replaceWorkspace(sample.files);
  state.select(undefined);
  // The last workspace's request means nothing here: the field offers this one's suggestion.
  state.clearTrace();
  state.setTraceUrl('');
  return true;
}

/** The sample gallery: one click loads a sample as a workspace. */
export function SampleMenu() {
  const store = useStoreApi();
  const { open, setOpen, root } = useMenu();
  return (
    <div className="menu" ref={root}>
      <button
        className="button"
        data-testid={TEST_IDS.samplesButton}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Samples ▾
      </button>
      {open && (
        <ul className="menu-list" role="menu">
          {SAMPLES.map((sample) => (
            <li key={sample.id} role="none">
              <button
                role="menuitem"
                className="menu-item"
                data-testid={TEST_IDS.sample}
                data-sample={sample.id}
                onClick={() => {
                  setOpen(false);
                  loadSample(store, sample);
                }}
              >
                <span className="menu-item-title">
                  {sample.title} <span className="chip">{sample.world}</span>
                </span>
                <span className="menu-item-description">{sample.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
