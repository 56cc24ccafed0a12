import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, encodeShareFragment, readUrlParams, type Workspace } from '../workspace';
import { chooseStartMode } from '../workspace/startMode';
import { planStart, storeOptionsFor } from './startModes';

const linked: Workspace = {
  files: [{ name: 'a.yaml', text: 'kind: Service\n' }],
  activeFile: 'a.yaml',
  view: { ...DEFAULT_VIEW, expandedStacks: [] },
  trace: { url: 'http://a/', from: '', step: 1 },
  viewport: { x: 1, y: 2, zoom: 1 },
};
const fragment = encodeShareFragment(linked);
const plan = (url: string) => planStart(chooseStartMode(url), readUrlParams(url), url);

describe('planStart', () => {
  it('opens a link in memory, exactly', () => {
    const p = plan(`https://x.dev/app/#${fragment}`);
    expect(p).toMatchObject({ kind: 'link', workspace: linked });
    expect(storeOptionsFor(p, { localStorage: { getItem: () => null, setItem: () => {} } }).storage).toBeUndefined();
  });

  it('opens the local workspace with a notice for a broken link', () => {
    for (const hash of ['#s1.garbage!!', '#s1.' + fragment.slice(3, 30), '#nonsense']) {
      const p = plan(`https://x.dev/${hash}`);
      expect(p.kind).toBe('workspace');
      expect(p.kind === 'workspace' && p.notice).toMatch(/could not be opened/);
    }
    expect(plan('https://x.dev/?sample=nope')).toMatchObject({ kind: 'workspace', notice: /no sample named/ });
  });

  it('lays the URL parameters over a sample or a link', () => {
    const p = plan('https://x.dev/?sample=guestbook&theme=dark&nodes=4&view=app&trace=http://a/b');
    expect(p.kind).toBe('link');
    if (p.kind !== 'link') return;
    expect(p.workspace.files.length).toBeGreaterThan(0);
    expect(p.workspace.view).toMatchObject({ theme: 'dark', nodeCount: 4, viewMode: 'application' });
    expect(p.workspace.trace).toEqual({ url: 'http://a/b', from: '', step: 0 });
  });

  it('starts an embed fitted, on the first sample when it names nothing, with an error for a bad link', () => {
    const p = plan(`https://x.dev/?embed&autoplay#${fragment}`);
    expect(p.kind === 'embed' && p.workspace?.viewport).toBeUndefined();
    expect(p.kind === 'embed' && p.params.autoplay).toBe(true);
    expect(plan('https://x.dev/?embed')).toMatchObject({ kind: 'embed', workspace: { activeFile: 'deployment.yaml' } });
    expect(plan('https://x.dev/?embed#s1.%%%')).toMatchObject({ kind: 'embed', error: /damaged/ });
  });

  it('presents the workspace a link or a sample carries, else the saved one; Esc goes back without ?present', () => {
    const linked = plan(`https://x.dev/app/?present#${fragment}`);
    expect(linked).toMatchObject({ kind: 'present', workspaceUrl: `https://x.dev/app/#${fragment}` });
    expect(linked.kind === 'present' && linked.workspace?.files.length).toBeGreaterThan(0);
    expect(plan('https://x.dev/?present&sample=go-backend-compose')).toMatchObject({
      kind: 'present',
      workspace: { activeFile: 'docker-compose.yaml' },
    });
    const saved = plan('https://x.dev/?present');
    expect(saved.kind === 'present' && saved.workspace).toBeUndefined();
    // A link that cannot be read presents the saved workspace rather than nothing.
    expect(plan('https://x.dev/?present#s1.%%%')).toMatchObject({ kind: 'present' });
  });
});
