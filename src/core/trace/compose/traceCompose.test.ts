import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../analyze';
import type { SourceFile } from '../../model/source';
import { suggestTraceUrls } from '../suggest';
import { traceRequest } from '../traceRequest';
import type { TraceRequest } from '../types';

const PORTS = `
services:
  web:
    image: nginx
    ports:
      - "8080:80"
      - "127.0.0.1:8088:80"
      - "[::1]:8089:80"
      - "9090-9091:8080-8081"
      - "7000-7010:7000"
      - "3000"
      - target: 443
        published: "8443"
        host_ip: 0.0.0.0
        name: https
        app_protocol: https
      - "5353:53/udp"
    expose: ["9999"]
    networks:
      front:
        aliases: [www]
  api:
    image: api
    ports: ["\${API_PORT:-8000}:8000"]
    networks:
      front:
        aliases: [backend]
      data:
  db:
    image: postgres
    container_name: pg
    expose: ["5432"]
    networks:
      data:
        aliases: [database]
  lonely:
    image: busybox
    networks: [island]
  debug:
    image: busybox
    profiles: [debug]
networks: {front: {}, data: {internal: true}, island: {}}
`;

function topologyOf(files: SourceFile[], options: AnalyzeOptions = {}) {
  return analyze(files, options).topology;
}

function trace(files: SourceFile[], request: TraceRequest, options: AnalyzeOptions = {}) {
  const t = traceRequest(topologyOf(files, options), request);
  const last = t.hops[t.hops.length - 1];
  return {
    t,
    last,
    code: t.failure?.code,
    path: t.hops.map((h) => `${h.kind}:${h.name}${h.port !== undefined ? `:${h.port}` : ''}`),
  };
}

const ports: SourceFile[] = [{ name: 'compose.yaml', text: PORTS }];

describe('Compose traces from the host: every port syntax', () => {
  it.each([
    ['http://localhost:8080/', 'web', 80, '0.0.0.0:8080 → web:80 (published)'],
    ['http://127.0.0.1:8088/', 'web', 80, '127.0.0.1:8088 → web:80 (published, local only)'],
    ['http://[::1]:8089/', 'web', 80, '[::1]:8089 → web:80 (published, local only)'],
    ['http://localhost:9090/', 'web', 8080, '0.0.0.0:9090 → web:8080 (published)'],
    ['http://localhost:9091/', 'web', 8081, '0.0.0.0:9091 → web:8081 (published)'],
    ['http://localhost:7005/', 'web', 7000, '0.0.0.0:7000-7010 → web:7000 (published)'],
    ['https://localhost:8443/', 'web', 443, '0.0.0.0:8443 → web:443 (published)'],
    ['http://localhost:8000/', 'api', 8000, '0.0.0.0:8000 → api:8000 (published)'],
    ['tcp://localhost:8080', 'web', 80, '0.0.0.0:8080 → web:80 (published)'],
    ['http://myhost.lan:8080/', 'web', 80, '0.0.0.0:8080 → web:80 (published)'],
  ])('%s → %s:%d', (url, container, port, hostDetail) => {
    const { t, last } = trace(ports, { url });
    expect(t.ok).toBe(true);
    expect(last).toMatchObject({ kind: 'container', name: container, port });
    expect(t.hops.find((h) => h.kind === 'host')?.detail).toBe(hostDetail);
    expect(t.hops.map((h) => h.kind)).toEqual(['client', 'host', 'network', 'container']);
  });

  it.each([
    ['http://myhost.lan:8088/', 'TRACE-COMPOSE-LOCAL-ONLY'],
    ['http://host:8089/', 'TRACE-COMPOSE-LOCAL-ONLY'],
    ['http://localhost:3000/', 'TRACE-COMPOSE-NOT-PUBLISHED'],
    ['http://localhost:9999/', 'TRACE-COMPOSE-NOT-PUBLISHED'],
    ['http://localhost:5353/', 'TRACE-COMPOSE-NOT-PUBLISHED'],
    ['http://localhost:1/', 'TRACE-COMPOSE-NOT-PUBLISHED'],
    ['http://api:8000/', 'TRACE-DNS-NXDOMAIN'],
    ['ftp://localhost/', 'TRACE-BAD-URL'],
  ])('%s fails with %s', (url, code) => {
    const { t } = trace(ports, { url });
    expect(t.ok).toBe(false);
    expect(t.failure?.code).toBe(code);
    expect(t.hops[t.hops.length - 1]?.failed).toBe(true);
  });

  it('a range published for one container port warns that Docker picks the port', () => {
    expect(trace(ports, { url: 'http://localhost:7005/' }).t.hops[1]?.warning).toMatch(/range/);
  });

  it('interpolated ports follow the variables', () => {
    const { last } = trace(ports, { url: 'http://localhost:9000/' }, { variables: { API_PORT: '9000' } });
    expect(last).toMatchObject({ name: 'api', port: 8000 });
  });

  it('network_mode: host reaches the container on its own port', () => {
    const files = [
      { name: 'c.yaml', text: 'services:\n  plex:\n    image: plexinc/pms-docker\n    network_mode: host\n' },
    ];
    const { t, path } = trace(files, { url: 'http://localhost:32400/web' });
    expect(t.ok).toBe(true);
    expect(path).toEqual(['client:host', 'host:host:32400', 'container:plex:32400']);
  });
});

describe('Compose traces from inside: names per network', () => {
  it.each([
    ['api', 'http://web/', 'web', 80, 'front', "api reaches web as 'web' on network front"],
    ['api', 'http://www/', 'web', 80, 'front', "api reaches web as 'www' (a network alias) on network front"],
    [
      'web',
      'http://backend:8000/',
      'api',
      8000,
      'front',
      "web reaches api as 'backend' (a network alias) on network front",
    ],
    [
      'api',
      'postgres://database',
      'pg',
      5432,
      'data',
      "api reaches db as 'database' (a network alias) on network data",
    ],
    [
      'api',
      'postgresql://root:secret@pg:5432/app',
      'pg',
      5432,
      'data',
      "api reaches db as 'pg' (its container_name) on network data",
    ],
    ['api', 'redis://db:6379', 'pg', 6379, 'data', "api reaches db as 'db' on network data"],
  ])('from %s, %s → %s:%d', (from, url, container, port, network, caption) => {
    const { t, last } = trace(ports, { from, url });
    expect(t.ok).toBe(true);
    expect(last).toMatchObject({ kind: 'container', name: container, port });
    expect(t.hops[1]).toMatchObject({ kind: 'network', name: network, caption });
  });

  it('an undeclared port is reachable inside a network, with a note', () => {
    const { t, last } = trace(ports, { from: 'api', url: 'http://web:1234/' });
    expect(t.ok).toBe(true);
    expect(last?.warning).toMatch(/does not declare port 1234/);
  });

  it.each([
    ['web', 'http://database:5432', 'TRACE-COMPOSE-NO-SHARED-NETWORK'],
    ['db', 'http://www/', 'TRACE-COMPOSE-NO-SHARED-NETWORK'],
    ['lonely', 'http://web/', 'TRACE-COMPOSE-NO-SHARED-NETWORK'],
    ['api', 'http://nothing/', 'TRACE-DNS-NXDOMAIN'],
    ['api', 'http://debug/', 'TRACE-COMPOSE-INACTIVE-PROFILE'],
    ['debug', 'http://web/', 'TRACE-COMPOSE-INACTIVE-PROFILE'],
    ['nosuch', 'http://web/', 'TRACE-BAD-FROM'],
  ])('from %s, %s fails with %s', (from, url, code) => {
    expect(trace(ports, { from, url }).code).toBe(code);
  });

  it('an activated profile brings its service back', () => {
    const { t } = trace(ports, { from: 'debug', url: 'http://web/' }, { profiles: ['debug'] });
    expect(t.ok).toBe(false); // debug joins only the default network, web only front
    expect(t.failure?.code).toBe('TRACE-COMPOSE-NO-SHARED-NETWORK');
  });

  it('replicas answer a service name in turn', () => {
    const files = [
      { name: 'c.yaml', text: 'services:\n  web:\n    image: x\n    deploy: {replicas: 2}\n  cli:\n    image: y\n' },
    ];
    expect(trace(files, { from: 'cli', url: 'http://web/', requestIndex: 0 }).last?.name).toBe('web-1');
    expect(trace(files, { from: 'cli', url: 'http://web/', requestIndex: 1 }).last?.name).toBe('web-2');
  });
});

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../compose/fixtures', name), 'utf8');

describe('Compose seed samples', () => {
  const go: SourceFile[] = [
    { name: 'docker-compose.yaml', text: fixture('seed__golang-backend__docker-compose.yaml') },
  ];
  it('Go backend: http://localhost:8080/ ends at api:8080', () => {
    const { t, path } = trace(go, { url: 'http://localhost:8080/' });
    expect(t.ok).toBe(true);
    expect(path).toEqual(['client:host', 'host:host:8080', 'network:default', 'container:api:8080']);
  });
  it('Go backend: api reaches postgres by its DB_SOURCE URL', () => {
    const { t, path } = trace(go, {
      from: 'api',
      url: 'postgresql://root:secret@postgres:5432/simple_bank?sslmode=disable',
    });
    expect(t.ok).toBe(true);
    expect(path).toEqual(['client:api', 'network:default', 'container:postgres:5432']);
  });

  const portfolio = (conf?: string): SourceFile[] => [
    { name: 'docker-compose.yaml', text: fixture('seed__portfolio__docker-compose.yaml') },
    ...(conf ? [{ name: 'default.conf', text: conf }] : []),
  ];
  const DEFAULT_CONF = 'server {\n  listen 80;\n  location / {\n    proxy_pass http://client:3000;\n  }\n}\n';

  it('portfolio with default.conf: http://localhost/ goes through nginx to client:3000', () => {
    const { t, path } = trace(portfolio(DEFAULT_CONF), { url: 'http://localhost/' });
    expect(t.ok).toBe(true);
    expect(path).toEqual([
      'client:host',
      'host:host:80',
      'network:frontend',
      'container:nginx:80',
      'network:frontend',
      'container:client:3000',
    ]);
    expect(t.hops[4]?.caption).toMatch(/location \/ and proxies to client:3000/);
  });
  it('portfolio: nginx routes to client are an edge', () => {
    const topology = topologyOf(portfolio(DEFAULT_CONF));
    expect(topology.edges).toContainEqual({
      from: 'compose:container/nginx',
      to: 'compose:container/client',
      kind: 'routes',
      label: '/',
    });
  });
  it('portfolio without a config: the trace ends at nginx with a note', () => {
    const { t, last } = trace(portfolio(), { url: 'http://localhost/' });
    expect(t.ok).toBe(true);
    expect(last).toMatchObject({ name: 'nginx', port: 80, warning: expect.stringMatching(/routes are unknown/) });
  });
  it('portfolio: a path nginx has no location for is a 404', () => {
    const conf = 'server { listen 80; location /api/ { proxy_pass http://client:3000; } }';
    expect(trace(portfolio(conf), { url: 'http://localhost/x' }).t.failure).toMatchObject({
      code: 'TRACE-NO-RULE',
      status: 404,
    });
  });
});

describe('Compose YAML features and several files', () => {
  it('merged anchors: ports from a << merge key are published', () => {
    const text = [
      'x-web: &web',
      '  image: nginx',
      '  ports: ["8081:80"]',
      'services:',
      '  a:',
      '    <<: *web',
      '  b:',
      '    <<: *web',
      '    ports: ["8082:80"]',
    ].join('\n');
    expect(trace([{ name: 'c.yaml', text }], { url: 'http://localhost:8081/' }).last?.name).toBe('a');
    expect(trace([{ name: 'c.yaml', text }], { url: 'http://localhost:8082/' }).last?.name).toBe('b');
  });

  it('-f a.yaml -f b.yaml: ports are appended, the image is overridden', () => {
    const files = [
      { name: 'a.yaml', text: 'services:\n  web:\n    image: nginx:1\n    ports: ["8080:80"]\n' },
      { name: 'b.yaml', text: 'services:\n  web:\n    image: nginx:2\n    ports: ["8443:443"]\n' },
    ];
    expect(trace(files, { url: 'http://localhost:8080/' }).last).toMatchObject({ name: 'web', port: 80 });
    const { last } = trace(files, { url: 'https://localhost:8443/' });
    expect(last).toMatchObject({ name: 'web', port: 443 });
    expect(last?.detail).toContain('nginx:2');
  });
});

describe('suggestTraceUrls for Compose', () => {
  it('suggests published ports from the host and connections from inside, and each suggestion traces', () => {
    const go: SourceFile[] = [
      { name: 'docker-compose.yaml', text: fixture('seed__golang-backend__docker-compose.yaml') },
    ];
    const topology = topologyOf(go);
    const suggestions = suggestTraceUrls(topology);
    expect(suggestions.map((s) => [s.from ?? '', s.url])).toEqual([
      ['', 'postgres://localhost:5432'],
      ['', 'http://localhost:8080/'],
      ['api', 'postgresql://root:secret@postgres:5432'],
      ['api', 'tcp://postgres:5432'],
    ]);
    for (const s of suggestions)
      expect(traceRequest(topology, { url: s.url, ...(s.from ? { from: s.from } : {}) }).ok).toBe(true);
  });
});
