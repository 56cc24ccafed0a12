import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { buildUpSteps, type BuildUpBox } from './buildUp';
import { buildViewGraph } from './viewGraph';

function sample(folder: string, names: string[]) {
  const files = names.map((name) => ({
    name,
    text: readFileSync(new URL(`../samples/${folder}/${name}`, import.meta.url), 'utf8'),
  }));
  const { topology, diagnostics } = analyze(files);
  return { world: topology.world, graph: buildViewGraph(topology, diagnostics) };
}

const k8s = sample('go-backend-k8s', ['deployment.yaml', 'service.yaml', 'ingress.yaml']);
const compose = sample('go-backend-compose', ['docker-compose.yaml']);

const rolesOf = (boxes: readonly BuildUpBox[], ids: ReadonlySet<string>) =>
  [...new Set(boxes.filter((b) => ids.has(b.id)).map((b) => b.role))].sort();

describe('buildUpSteps', () => {
  it('tells Kubernetes as Internet → Ingress → Service → Pods → Nodes → Control plane', () => {
    const steps = buildUpSteps(k8s.graph.nodes, k8s.world);
    expect(steps.map((s) => s.layer)).toEqual(['internet', 'ingress', 'service', 'pods', 'nodes', 'controlPlane']);
    expect(steps.map((s) => rolesOf(k8s.graph.nodes, s.fresh))).toEqual([
      ['internet'],
      ['cluster', 'controller', 'ingress'], // the cluster appears around the first box inside it
      ['service'],
      ['pod'],
      ['node'],
      ['controlPlane'],
    ]);
  });

  it('reveals more at every step and the whole picture at the last', () => {
    const steps = buildUpSteps(k8s.graph.nodes, k8s.world);
    for (let i = 1; i < steps.length; i++) {
      for (const id of steps[i - 1]!.visible) expect(steps[i]!.visible.has(id)).toBe(true);
      expect(steps[i]!.visible.size).toBeGreaterThan(steps[i - 1]!.visible.size);
    }
    expect(steps.at(-1)!.visible.size).toBe(k8s.graph.nodes.length);
  });

  it('says what each layer is', () => {
    const service = buildUpSteps(k8s.graph.nodes, k8s.world).find((s) => s.layer === 'service')!;
    expect(service.note).toMatch(/stable name and port; kube-proxy spreads requests/);
  });

  it('tells Compose as Host → ports → networks → containers', () => {
    const steps = buildUpSteps(compose.graph.nodes, compose.world);
    expect(steps.map((s) => s.layer)).toEqual(['host', 'ports', 'networks', 'containers']);
    expect(steps.map((s) => rolesOf(compose.graph.nodes, s.fresh))).toEqual([
      ['host', 'internet'],
      ['door'],
      ['network'],
      ['container'],
    ]);
    expect(steps.at(-1)!.visible.size).toBe(compose.graph.nodes.length);
  });

  it('skips a layer with nothing in it and keeps unknown roles for last', () => {
    const boxes: BuildUpBox[] = [
      { id: 'internet', role: 'internet', group: false },
      { id: 'cluster', role: 'cluster', group: true },
      { id: 'svc', role: 'service', parent: 'cluster', group: false },
      { id: 'thing', role: 'generic', parent: 'cluster', group: false },
    ];
    const steps = buildUpSteps(boxes, 'kubernetes');
    expect(steps.map((s) => s.layer)).toEqual(['internet', 'service', 'rest']);
    expect([...steps[1]!.fresh].sort()).toEqual(['cluster', 'svc']);
    expect([...steps[2]!.fresh]).toEqual(['thing']);
  });

  it('says Gateway when the front door is a Gateway', () => {
    const boxes: BuildUpBox[] = [{ id: 'gw', role: 'gateway', group: false }];
    expect(buildUpSteps(boxes, 'kubernetes')[0]).toMatchObject({ layer: 'ingress', title: 'Gateway' });
  });

  it('has no steps for an empty workspace', () => {
    expect(buildUpSteps([], 'empty')).toEqual([]);
  });
});
