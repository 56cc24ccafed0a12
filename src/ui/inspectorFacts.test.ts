import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { indexTopology, objectsOfRole } from '../core/model/topology';
import { inspect, type Inspection } from './inspectorFacts';

const seed = ['deployment.yaml', 'service.yaml', 'ingress.yaml'].map((name) => ({
  name,
  text: readFileSync(new URL(`../samples/go-backend-k8s/${name}`, import.meta.url), 'utf8'),
}));
const { topology, diagnostics } = analyze(seed);
const index = indexTopology(topology);
const section = (inspection: Inspection | undefined, title: string) =>
  inspection?.sections.find((s) => s.title === title);

describe('inspect', () => {
  const service = objectsOfRole(topology, 'service')[0]!;
  const pods = objectsOfRole(topology, 'pod');

  it('a Service: its ports, selector, the pods it reaches and the Ingress rule in front of it', () => {
    const facts = inspect(index, diagnostics, service.id);
    expect(facts).toMatchObject({ kind: 'Service', name: 'golang-backend-api-service', namespace: 'default' });
    expect(facts!.span).toMatchObject({ file: 'service.yaml', start: { line: 1 } });
    expect(
      section(facts, 'Ports')!
        .rows!.map((r) => r.value)
        .join(' '),
    ).toContain('80 → 8080');
    expect(section(facts, 'Selector')!.rows).toEqual([
      expect.objectContaining({ key: 'app', value: 'golang-backend-api' }),
    ]);
    expect(
      section(facts, 'Endpoints')!
        .links!.map((l) => l.id)
        .sort(),
    ).toEqual(pods.map((p) => p.id).sort());
    const reached = section(facts, 'Reached from')!.links!;
    expect(reached[0]).toMatchObject({ label: 'Ingress golang-backend-api-ingress' });
    expect(reached[0]!.detail).toContain('api.hwangbogyumin.com');
  });

  it('a pod: its node and owner, its container ports, who selects it, and its workload’s problems', () => {
    const facts = inspect(index, diagnostics, pods[0]!.id);
    expect(facts!.span).toMatchObject({ file: 'deployment.yaml' });
    const placement = section(facts, 'Placement')!.links!.map((l) => l.detail);
    expect(placement).toEqual(['node', 'owner']);
    expect(section(facts, 'Selected by')!.links).toEqual([expect.objectContaining({ id: service.id })]);
    expect(JSON.stringify(section(facts, 'Containers'))).toContain('8080');
    expect(facts!.diagnostics.map((d) => d.code)).toContain('K8S-INFERRED-HOST-MISSING');
  });

  it('a stack lists its pods; an id that stands for nothing gives nothing', () => {
    const stack = inspect(
      index,
      diagnostics,
      'stack:x',
      pods.map((p) => p.id),
    );
    expect(JSON.stringify(stack)).toContain(pods[1]!.name);
    expect(inspect(index, diagnostics, 'Service/default/gone')).toBeUndefined();
  });
});
