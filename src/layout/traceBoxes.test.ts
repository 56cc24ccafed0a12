import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { objectId, type ObjectId } from '../core/model/ids';
import { objectsOfRole } from '../core/model/topology';
import type { Hop, Trace } from '../core/trace';
import type { PositionedGraph } from './finishLayout';
import { hopBoxesFor } from './traceBoxes';
import { buildViewGraph, INGRESS_CONTROLLER_ID } from './viewGraph';

const seed = ['deployment.yaml', 'service.yaml', 'ingress.yaml'].map((name) => ({
  name,
  text: readFileSync(new URL(`../samples/go-backend-k8s/${name}`, import.meta.url), 'utf8'),
}));
const { topology, diagnostics } = analyze(seed);
// hopBoxesFor reads only which boxes are drawn, not where.
const graph = buildViewGraph(topology, diagnostics) as PositionedGraph;
const ingress = objectsOfRole(topology, 'ingress')[0]!;
const service = objectsOfRole(topology, 'service')[0]!;
const controller = objectsOfRole(topology, 'ingressClass')[0]!.id;

const hop = (kind: Hop['kind'], id?: ObjectId): Hop => ({
  kind,
  name: kind,
  detail: '',
  caption: '',
  ...(id ? { objectId: id } : {}),
});
// Without the ingress controller's box (a view that draws none), the registry's landing rules apply.
const withoutController = { ...graph, nodes: graph.nodes.filter((n) => n.role !== 'controller') };
const boxes = (...hops: Hop[]) => hopBoxesFor(withoutController, topology, { ok: true, hops } satisfies Trace);

describe('hopBoxesFor', () => {
  it('a hop with a drawn object sits on its box', () => {
    expect(boxes(hop('service', service.id))).toEqual([service.id]);
  });

  it('the ingress controller lands on the next hop’s box when it is drawn', () => {
    expect(boxes(hop('loadbalancer', controller), hop('service', service.id))).toEqual([service.id, service.id]);
  });

  it('else on an Ingress of its class, or any Ingress when it names none', () => {
    expect(boxes(hop('loadbalancer', controller), hop('pod'))).toEqual([ingress.id, undefined]);
    expect(boxes(hop('loadbalancer'))).toEqual([ingress.id]);
  });

  it('and, when no Ingress is of its class, on the first Ingress or Gateway drawn', () => {
    const traefik = objectId('IngressClass/traefik');
    const withTraefik = {
      ...topology,
      objects: [
        ...topology.objects,
        { id: traefik, role: 'ingressClass', kind: 'IngressClass', name: 'traefik', isDefault: false } as const,
      ],
    };
    expect(hopBoxesFor(withoutController, withTraefik, { ok: true, hops: [hop('loadbalancer', traefik)] })).toEqual([
      ingress.id,
    ]);
  });

  it('the ingress controller has a box of its own when the view draws one', () => {
    const hops = [hop('loadbalancer', controller), hop('ingress', ingress.id)];
    expect(hopBoxesFor(graph, topology, { ok: true, hops })).toEqual([INGRESS_CONTROLLER_ID, ingress.id]);
  });

  it('a hop of a kind no role takes stays where the packet was', () => {
    expect(boxes(hop('node', objectId('Node/gone')), hop('service', service.id))).toEqual([undefined, service.id]);
  });
});
