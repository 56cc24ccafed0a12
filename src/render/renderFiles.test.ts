import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { traceRequest } from '../core/trace';
import { layoutLayered } from '../layout/layered/layeredLayout';
import { buildViewGraph } from '../layout/viewGraph';
import { hopBoxesFor } from '../layout/traceBoxes';

const SEED = Object.entries(
  import.meta.glob<string>('../core/kubernetes/fixtures/seed__*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).map(([path, text]) => ({ name: path, text }));

async function seedScene(url: string) {
  const analysis = analyze(SEED);
  const graph = layoutLayered(buildViewGraph(analysis.topology, analysis.diagnostics));
  const trace = traceRequest(analysis.topology, { url });
  return { trace, boxes: hopBoxesFor(graph, analysis.topology, trace) };
}

describe('hopBoxesFor', () => {
  it('puts each hop on its box; the ingress controller on its own box; the container on its pod', async () => {
    const { trace, boxes } = await seedScene('https://api.hwangbogyumin.com/');
    expect(trace.hops[1]!.objectId).toBe('IngressClass/nginx');
    expect(boxes).toEqual([
      'internet',
      'view:ingress-controller',
      'Ingress/default/golang-backend-api-ingress',
      'Service/default/golang-backend-api-service',
      trace.hops[4]!.objectId,
      trace.hops[4]!.objectId,
    ]);
  });

  it('puts a request that no rule takes on the controller that refused it', async () => {
    const { trace, boxes } = await seedScene('https://nope.example/');
    expect(trace.ok).toBe(false);
    expect(boxes).toEqual(['internet', 'view:ingress-controller']);
  });
});
