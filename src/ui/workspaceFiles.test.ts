import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { workspaceOf } from '../state/workspaceState';
import { encodeWorkspace } from '../workspace';
import { addFilesToWorkspace } from './workspaceFiles';

describe('addFilesToWorkspace', () => {
  it('opens a downloaded .portolan.json as its files', async () => {
    const store = createAppStore();
    const saved = encodeWorkspace({
      ...workspaceOf(store.getState()),
      files: [{ name: 'kept.yaml', text: 'kind: Pod' }],
      activeFile: 'kept.yaml',
    });
    const names = await addFilesToWorkspace(store, [new File([saved], 'workspace.portolan.json')]);
    expect(names).toEqual(['kept.yaml']);
    expect(store.getState().files).toEqual([{ name: 'kept.yaml', text: 'kind: Pod' }]);
  });

  it('reads a UTF-16 file as UTF-16, and a Latin-1 one as Latin-1', async () => {
    const store = createAppStore();
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'a: ü'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const latin1 = Uint8Array.from('b: caf\u00e9', (c) => c.charCodeAt(0));
    await addFilesToWorkspace(store, [new File([utf16], 'wide.yaml'), new File([latin1], 'old.yaml')]);
    expect(store.getState().files).toEqual([
      { name: 'wide.yaml', text: 'a: ü' },
      { name: 'old.yaml', text: 'b: café' },
    ]);
  });
});
