import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import type { PositionedGraph } from '../layout/finishLayout';
import { layoutLayered } from '../layout/layered/layeredLayout';
import { buildViewGraph } from '../layout/viewGraph';
import { mermaidText, renderMermaid } from './mermaid';

const files = (glob: Record<string, string>): SourceFile[] =>
  Object.entries(glob).map(([path, text]) => ({ name: path.split('/').pop()!, text }));
const SEED = files(
  import.meta.glob<string>('../core/kubernetes/fixtures/seed__*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const COMPOSE = files(
  import.meta.glob<string>('../core/compose/fixtures/seed__golang-backend__docker-compose.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

async function mermaidOf(sources: SourceFile[]): Promise<string> {
  const analysis = analyze(sources);
  return renderMermaid(layoutLayered(buildViewGraph(analysis.topology, analysis.diagnostics)));
}

/** The Mermaid id of the node whose label starts with `title`. */
function idOf(mermaid: string, title: string): string {
  const line = mermaid.split('\n').find((l) => new RegExp(`^\\s*(subgraph )?n\\d+[[(]+"${title}`).test(l));
  return /n\d+/.exec(line ?? '')?.[0] ?? '';
}

describe('renderMermaid', () => {
  it('draws the Kubernetes seed as Internet → controller → Ingress → Service → pods, pods inside their nodes', async () => {
    const mermaid = await mermaidOf(SEED);
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    const internet = idOf(mermaid, 'Internet');
    const ingress = idOf(mermaid, 'golang-backend-api-ingress');
    const service = idOf(mermaid, 'golang-backend-api-service');
    const controller = idOf(mermaid, 'nginx controller');
    expect([internet, controller, ingress, service].every(Boolean)).toBe(true);
    expect(mermaid).toContain(`${internet}(("Internet`);
    expect(mermaid).toContain(`${internet} --> ${controller}`);
    expect(mermaid).toContain(`${controller} --> ${ingress}`);
    expect(mermaid).toContain(`${ingress} -->|"api.hwangbogyumin.com/"| ${service}`);
    expect(mermaid.match(new RegExp(`${service} -->\\|"80 → 8080"\\| n\\d+`, 'g'))).toHaveLength(2);
    expect(mermaid).toMatch(/subgraph n\d+\["Cluster<br\/>Kubernetes cluster"\]/);
    expect(mermaid).toMatch(/subgraph n\d+\["node-1[^\n]*\n\s+direction LR\n\s+n\d+\["golang-backend-api-deployment-/);
    // Every subgraph is closed.
    expect(mermaid.match(/^\s*subgraph /gm)?.length).toBe(mermaid.match(/^\s*end$/gm)?.length);
    expect(mermaid).toMatch(/classDef role_service stroke:#[0-9a-f]{6},stroke-width:2px/);
  });

  it('draws Compose as host → published ports → containers, dependencies dashed', async () => {
    const mermaid = await mermaidOf(COMPOSE);
    const door = idOf(mermaid, '0.0.0.0:8080');
    const api = idOf(mermaid, 'api');
    const postgres = idOf(mermaid, 'postgres');
    expect(mermaid).toMatch(/subgraph n\d+\["Docker host/);
    expect(mermaid).toContain(`${door}(["0.0.0.0:8080`);
    expect(mermaid).toContain(`${door} --> ${api}`);
    expect(mermaid).toMatch(new RegExp(`${api} -\\.->\\|"DB_SOURCE · starts after it"\\| ${postgres}`));
  });

  it.each([
    ['a "quoted" name', 'a #quot;quoted#quot; name'],
    ['<script>alert(1)</script>', '#lt;script#gt;alert(1)#lt;/script#gt;'],
    ['tom & jerry', 'tom #amp; jerry'],
    ['#quot; literal', '#35;quot; literal'],
    ['pipe | and `tick`', 'pipe #124; and #96;tick#96;'],
    ['two\nlines\r\n\there', 'two lines here'],
    ['end', 'end'],
  ])('escapes user text for a quoted label: %j', (text, expected) => {
    expect(mermaidText(text)).toBe(expected);
  });

  it('never takes an id from the input, and skips arrows into a box’s own group', () => {
    const node = (id: string, over: Partial<PositionedGraph['nodes'][number]> = {}) => ({
      id,
      role: 'service' as const,
      kind: 'Service',
      title: id,
      lines: [],
      group: false,
      width: 100,
      height: 50,
      problems: { error: 0, warning: 0, info: 0 },
      x: 0,
      y: 0,
      ...over,
    });
    const graph: PositionedGraph = {
      width: 400,
      height: 300,
      nodes: [
        node('end', { group: true, role: 'cluster', title: 'end"] --> x' }),
        node('a b;c', {
          parent: 'end',
          title: 'x"]; click a call alert()',
          problems: { error: 1, warning: 0, info: 0 },
        }),
        node('subgraph', {}),
      ],
      edges: [
        { id: 'e1', source: 'end', target: 'a b;c', kind: 'routes', dashed: false },
        { id: 'e2', source: 'subgraph', target: 'a b;c', kind: 'routes', dashed: true, label: 'x"|y' },
      ],
    };
    const mermaid = renderMermaid(graph, { fenced: true });
    expect(mermaid.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
    expect(mermaid.endsWith('```\n')).toBe(true);
    expect(mermaid).toContain('subgraph n0["end#quot;] --#gt; x"]');
    expect(mermaid).toContain('n1["x#quot;]; click a call alert()<br/>Service"]');
    expect(mermaid).toContain('n2 -.->|"x#quot;#124;y"| n1');
    expect(mermaid).not.toContain('n0 --> n1');
    expect(mermaid).toContain('class n1 problem');
    // Outside quotes, only generated ids and our own keywords.
    const outside = mermaid.replace(/"[^"]*"/g, '""');
    expect(outside).not.toMatch(/end"|a b;c|alert/);
  });
});
