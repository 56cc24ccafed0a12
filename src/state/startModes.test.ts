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
const plan = (url: string) => planStart(chooseStartMode(url), readUrlParams(url));

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

  it('leaves ?present to the workspace until the presentation mode exists', () => {
    expect(plan(`https://x.dev/?present#${fragment}`).kind).toBe('workspace');
  });
});
