import { describe, expect, it } from 'vitest';
import { decodeWorkspace, DEFAULT_VIEW, encodeWorkspace, type Workspace } from '../workspace';
import type { StorageLike } from './environment';
import { keepCopyInLocalWorkspace } from './keepCopy';
import { WORKSPACE_STORAGE_KEY } from './persistence';

function memoryStorage(initial?: Workspace): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  if (initial) map.set(WORKSPACE_STORAGE_KEY, encodeWorkspace(initial));
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const view = { ...DEFAULT_VIEW, expandedStacks: [] };
const link: Workspace = {
  files: [{ name: 'deployment.yaml', text: 'theirs' }],
  activeFile: 'deployment.yaml',
  view: { ...view, theme: 'dark' },
  trace: { url: 'http://a/', from: '', step: 2 },
};

function saved(storage: StorageLike): Workspace {
  const result = decodeWorkspace(storage.getItem(WORKSPACE_STORAGE_KEY));
  if (!result.ok) throw new Error('nothing saved');
  return result.workspace;
}

describe('keepCopyInLocalWorkspace', () => {
  it('adds the link files as tabs and keeps every local file and the local view', () => {
    const storage = memoryStorage({
      files: [{ name: 'deployment.yaml', text: 'mine' }],
      activeFile: 'deployment.yaml',
      view,
    });
    expect(keepCopyInLocalWorkspace(storage, link)).toEqual({ ok: true, added: ['deployment-2.yaml'] });
    const after = saved(storage);
    expect(after.files).toEqual([
      { name: 'deployment.yaml', text: 'mine' },
      { name: 'deployment-2.yaml', text: 'theirs' },
    ]);
    expect(after.activeFile).toBe('deployment-2.yaml');
    expect(after.view.theme).toBe('system');
    expect(after.trace).toEqual(link.trace);
  });

  it('saves the link as the workspace when there is none yet', () => {
    const storage = memoryStorage();
    expect(keepCopyInLocalWorkspace(storage, link)).toEqual({ ok: true, added: ['deployment.yaml'] });
    expect(saved(storage).files).toEqual(link.files);
  });

  it('says so when storage is missing or full', () => {
    expect(keepCopyInLocalWorkspace(undefined, link).ok).toBe(false);
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(keepCopyInLocalWorkspace(full, link).ok).toBe(false);
  });
});
