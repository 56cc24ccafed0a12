import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, encodeWorkspace, type Workspace } from '../workspace';
import type { StorageLike } from './environment';
import { keepCopyInLocalWorkspace } from './keepCopy';
import { LEGACY_WORKSPACE_KEY, loadSavedWorkspace } from './persistence';
import { fileKey, LOCAL_FILE_LIMIT } from './savedLayout';
import { memoryRecords, memoryStorage } from './testStorage';

/** A storage holding `initial` as an older Portolan saved it (one JSON). */
function savedBefore(initial?: Workspace) {
  return memoryStorage(initial ? { [LEGACY_WORKSPACE_KEY]: encodeWorkspace(initial) } : {});
}

const view = { ...DEFAULT_VIEW, expandedStacks: [] };
const link: Workspace = {
  files: [{ name: 'deployment.yaml', text: 'theirs' }],
  activeFile: 'deployment.yaml',
  view: { ...view, theme: 'dark' },
  trace: { url: 'http://a/', from: '', step: 2 },
};

async function saved(storage: StorageLike, records = memoryRecords()): Promise<Workspace> {
  const workspace = await loadSavedWorkspace({ storage, records });
  if (!workspace) throw new Error('nothing saved');
  return workspace;
}

describe('keepCopyInLocalWorkspace', () => {
  it('adds the link files as tabs and keeps every local file and the local view', async () => {
    const storage = savedBefore({
      files: [{ name: 'deployment.yaml', text: 'mine' }],
      activeFile: 'deployment.yaml',
      view,
    });
    expect(await keepCopyInLocalWorkspace({ storage }, link)).toEqual({ ok: true, added: ['deployment-2.yaml'] });
    const after = await saved(storage);
    expect(after.files).toEqual([
      { name: 'deployment.yaml', text: 'mine' },
      { name: 'deployment-2.yaml', text: 'theirs' },
    ]);
    expect(after.activeFile).toBe('deployment-2.yaml');
    expect(after.view.theme).toBe('system');
    expect(after.trace).toEqual(link.trace);
  });

  it('saves the link as the workspace when there is none yet', async () => {
    const storage = savedBefore();
    expect(await keepCopyInLocalWorkspace({ storage }, link)).toEqual({ ok: true, added: ['deployment.yaml'] });
    expect((await saved(storage)).files).toEqual(link.files);
  });

  it('writes only the new files beside a saved big one, which stays in the database', async () => {
    const big = 'x'.repeat(LOCAL_FILE_LIMIT + 1);
    const storage = savedBefore();
    const records = memoryRecords();
    const mine: Workspace = { files: [{ name: 'big.yaml', text: big }], activeFile: 'big.yaml', view };
    await keepCopyInLocalWorkspace({ storage, records }, mine);
    records.control.writes.length = 0;
    expect(await keepCopyInLocalWorkspace({ storage, records }, link)).toEqual({
      ok: true,
      added: ['deployment.yaml'],
    });
    expect(records.control.writes).toEqual([]);
    expect(storage.data.get(fileKey('deployment.yaml'))).toBe('theirs');
    expect((await saved(storage, records)).files.map((f) => f.name)).toEqual(['big.yaml', 'deployment.yaml']);
  });

  it('says so when storage is missing or full', async () => {
    expect((await keepCopyInLocalWorkspace({}, link)).ok).toBe(false);
    const full: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect((await keepCopyInLocalWorkspace({ storage: full }, link)).ok).toBe(false);
  });
});
