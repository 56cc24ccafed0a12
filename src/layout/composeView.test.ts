import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { traceRequest } from '../core/trace';
import type { PositionedGraph } from './finishLayout';
import { hopBoxesFor } from './traceBoxes';
import { buildViewGraph } from './viewGraph';

const RICH = [
  'services:',
  '  proxy:',
  '    image: nginx:1.27',
  '    ports: ["80:80", "127.0.0.1:8443:443"]',
  '    networks: [front]',
  '  api:',
  '    build: ./api',
  '    environment:',
  '      DATABASE_URL: postgres://app:pw@db:5432/app',
  '    networks:',
  '      front: {}',
  '      back: { aliases: [backend] }',
  '    depends_on: { db: { condition: service_healthy } }',
  '  db:',
  '    image: postgres:16',
  '    expose: ["5432"]',
  '    volumes: [db-data:/var/lib/postgresql/data]',
  '    networks: [back]',
  'networks: { front: {}, back: { internal: true } }',
  'volumes: { db-data: {} }',
  '',
].join('\n');

const view = (text: string, name = 'compose.yaml') => {
  const { topology, diagnostics } = analyze([{ name, text }]);
  return { topology, graph: buildViewGraph(topology, diagnostics) };
};

describe('the Compose view', () => {
  const { graph } = view(RICH);
  const node = (id: string) => graph.nodes.find((n) => n.id === id);

  it('puts a door on the host for each published port, the way in from the Internet drawn to all but local ones', () => {
    const doors = graph.nodes.filter((n) => n.role === 'door');
    expect(doors.map((d) => [d.title, d.subtitle, d.lines, d.parent])).toEqual([
      ['0.0.0.0:80', '→ proxy:80', [], 'compose:host'],
      ['127.0.0.1:8443', '→ proxy:443', ['local only: not from outside'], 'compose:host'],
    ]);
    const fromInternet = graph.edges.filter((e) => e.source === 'compose:internet').map((e) => e.target);
    expect(fromInternet).toEqual([doors[0]!.id]);
    expect(graph.edges.filter((e) => e.target === 'compose:container/proxy' && e.kind === 'routes')).toHaveLength(2);
  });

  it('draws a container in its first network, and a membership box for it in each other one', () => {
    expect(node('compose:container/api')?.parent).toBe('compose:network/front');
    const member = graph.nodes.filter((n) => n.role === 'membership');
    expect(member.map((m) => [m.title, m.parent, m.lines, m.objectId])).toEqual([
      ['api', 'compose:network/back', ['as backend'], 'compose:container/api'],
    ]);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: member[0]!.id, target: 'compose:container/api', dashed: true }),
    );
  });

  it('gathers the named volumes, and draws one dashed arrow per pair of containers that need each other', () => {
    expect(node('compose:volume/db-data')?.parent).toBe('group:volumes');
    const needs = graph.edges.filter(
      (e) => e.source === 'compose:container/api' && e.target === 'compose:container/db',
    );
    expect(needs).toEqual([
      expect.objectContaining({
        kind: 'talks-to',
        label: 'DATABASE_URL · waits until healthy',
        dashed: true,
        shapesLayout: true,
      }),
    ]);
  });

  it('lists parents before their children', () => {
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (n.parent) expect(seen.has(n.parent), n.id).toBe(true);
      seen.add(n.id);
    }
  });
});

describe('where Compose trace hops land', () => {
  const sample = (folder: string, names: string[]) =>
    names.map((name) => ({
      name,
      text: readFileSync(new URL(`../samples/${folder}/${name}`, import.meta.url), 'utf8'),
    }));

  it('the client on the host and the host hop land on the door; the network hop on the network; the container on its box', () => {
    const { topology, diagnostics } = analyze(sample('go-backend-compose', ['docker-compose.yaml']));
    const graph = buildViewGraph(topology, diagnostics) as PositionedGraph;
    const trace = traceRequest(topology, { url: 'http://localhost:8080/' });
    const door = graph.nodes.find((n) => n.role === 'door' && n.title === '0.0.0.0:8080')!.id;
    expect(hopBoxesFor(graph, topology, trace)).toEqual([
      door,
      door,
      'compose:network/default',
      'compose:container/api',
    ]);
  });

  it('through a proxy, the hop on the network both containers are on goes straight to the next container', () => {
    const { topology, diagnostics } = analyze(sample('portfolio-compose', ['docker-compose.yaml', 'default.conf']));
    const graph = buildViewGraph(topology, diagnostics) as PositionedGraph;
    const trace = traceRequest(topology, { url: 'http://localhost/' });
    expect(trace.ok).toBe(true);
    expect(hopBoxesFor(graph, topology, trace).slice(2)).toEqual([
      'compose:network/frontend',
      'compose:container/nginx',
      'compose:container/client',
      'compose:container/client',
    ]);
  });
});
