import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main';

const FLOW =
  'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: catch-all}\nspec:\n  priorityLevelConfiguration: {name: global-default}\n';

async function render(...extra: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'portolan-kube-')), 'flow.yaml');
  writeFileSync(file, FLOW);
  let out = '';
  let err = '';
  const code = await run(
    ['render', file, ...extra],
    (t) => (out += t),
    (t) => (err += t),
  );
  return { code, out, err };
}

/** `<rect …>` elements drawn dashed */
const dashed = (svg: string) => (svg.match(/<rect[^>]*stroke-dasharray="6 4"[^>]*>/g) ?? []).length;

describe('portolan render --kube-version', () => {
  it.each([
    { version: '1.30', rejected: false },
    { version: '1.32', rejected: true },
    { version: undefined, rejected: true },
  ])('Kubernetes $version: FlowSchema v1beta3 rejected = $rejected', async ({ version, rejected }) => {
    const plain = await render(...(version ? ['--kube-version', version] : []));
    expect(plain.code).toBe(0);
    // The line is cut to the box; the tooltip has the whole error.
    expect(plain.out.includes('>rejected: FlowSchema flowcontrol')).toBe(rejected);
    expect(plain.out.includes('FlowSchema flowcontrol.apiserver.k8s.io/v1beta3 was removed in Kubernetes 1.32;')).toBe(
      rejected,
    );
    // The synthetic groups are dashed too; a rejected box adds one.
    const baseline = dashed((await render('--kube-version', '1.30')).out);
    expect(dashed(plain.out)).toBe(baseline + (rejected ? 1 : 0));
  });

  it('refuses a version not offered', async () => {
    const { code, err } = await render('--kube-version', '1.12');
    expect(code).toBe(2);
    expect(err).toContain('1.12 is not offered');
  });
});
