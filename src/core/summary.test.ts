import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { SUMMARY_LIMITS } from './summary';

const configMap = (i: number, namespace?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n${namespace ? `  namespace: ${namespace}\n` : ''}  labels:\n    namespace: not-this\ndata:\n  a: b\n`;

describe('oversized workspaces are summarised', () => {
  it(`past ${SUMMARY_LIMITS.documents.toLocaleString('en')} objects: counts per namespace and kind, and a banner`, () => {
    const docs = Array.from({ length: SUMMARY_LIMITS.documents + 1 }, (_, i) =>
      configMap(i, i % 2 ? 'odd' : undefined),
    );
    docs.push('apiVersion: v1\nkind: Service\nmetadata:\n  namespace: odd\n  name: s\n');
    const started = performance.now();
    const analysis = analyze([{ name: 'many.yaml', text: docs.join('---\n') }]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(analysis.topology.objects).toEqual([]);
    expect(analysis.summary).toEqual([
      { namespace: '', kind: 'ConfigMap', count: 10_001 },
      { namespace: 'odd', kind: 'ConfigMap', count: 10_000 },
      { namespace: 'odd', kind: 'Service', count: 1 },
    ]);
    expect(analysis.diagnostics[0]).toMatchObject({ code: 'INPUT-TOO-LARGE', severity: 'warning', file: 'many.yaml' });
    expect(analysis.diagnostics.map((d) => d.message)).toContain('Namespace odd: 10,000 ConfigMap, 1 Service.');
  });

  it('past 5 MB, whatever the number of objects', () => {
    const text = `${configMap(1)}data:\n  big: ${'x'.repeat(SUMMARY_LIMITS.characters)}\n`;
    const analysis = analyze([{ name: 'big.yaml', text }]);
    expect(analysis.summary).toEqual([{ namespace: '', kind: 'ConfigMap', count: 1 }]);
  });

  it('under the limits, the workspace is analysed as usual', () => {
    const analysis = analyze([{ name: 'f.yaml', text: configMap(1, 'a') }]);
    expect(analysis.summary).toBeUndefined();
    expect(analysis.topology.world).toBe('kubernetes');
  });
});
