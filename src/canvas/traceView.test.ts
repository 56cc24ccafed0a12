import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { traceRequest } from '../core/trace';
import type { PositionedGraph } from '../layout/finishLayout';
import { buildViewGraph } from '../layout/viewGraph';
import { traceView } from './traceView';

const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 8
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
`;

/** Every box at the origin: where a hop sits is what matters here, not the pixels. */
function placed(graph: ReturnType<typeof buildViewGraph>): PositionedGraph {
  return { nodes: graph.nodes.map((n) => ({ ...n, x: 0, y: 0 })), edges: graph.edges, width: 0, height: 0 };
}

describe('traceView', () => {
  const { topology, diagnostics } = analyze([{ name: 'web.yaml', text: yaml }], { nodes: 2 });
  const trace = traceRequest(topology, { url: 'http://node-1:30080/' });

  it('puts a hop on a pod inside a closed stack on the stack', () => {
    const graph = buildViewGraph(topology, diagnostics);
    const view = traceView(placed(graph), topology, trace, false);
    const podHop = trace.hops.findIndex((h) => h.kind === 'pod');
    expect(view.hopBoxes[podHop]).toMatch(/^stack:/);
    expect(view.pathBoxes.has(view.hopBoxes[podHop]!)).toBe(true);
  });

  it('marks the arrows between consecutive stops as the path', () => {
    const graph = buildViewGraph(topology, diagnostics);
    const view = traceView(placed(graph), topology, trace, false);
    expect([...view.pathEdges].some((id) => id.startsWith('selects:Service/default/web->stack:'))).toBe(true);
  });

  it('steps without travel when motion is reduced', () => {
    const view = traceView(placed(buildViewGraph(topology, diagnostics)), topology, trace, true);
    expect(view.plan.travelMs).toBe(0);
  });

  it('ends a doubtful trace amber: the last hop is the doubt hop, a clean trace has none', () => {
    const graph = placed(buildViewGraph(topology, diagnostics));
    expect(traceView(graph, topology, trace, false).doubtHop).toBe(-1);
    const doubtful = { ...trace, doubt: 'likely refused: the pods declare 8080' };
    expect(traceView(graph, topology, doubtful, false).doubtHop).toBe(trace.hops.length - 1);
  });

  it('a targetPort no container declares, while they declare others, traces amber', () => {
    const wrongPort = yaml.replace(
      'ports: [{port: 80, nodePort: 30080}]',
      'ports: [{port: 80, targetPort: 8081, nodePort: 30080}]',
    );
    const analysis = analyze([{ name: 'web.yaml', text: wrongPort }], { nodes: 2 });
    const refused = traceRequest(analysis.topology, { url: 'http://node-1:30080/' });
    expect(refused.doubt).toMatch(/likely refused/);
    const view = traceView(
      placed(buildViewGraph(analysis.topology, analysis.diagnostics)),
      analysis.topology,
      refused,
      false,
    );
    expect(view.doubtHop).toBe(refused.hops.length - 1);
  });
});
