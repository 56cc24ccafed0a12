import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { objectsOfRole, type ComposeContainerObj } from '../model/topology';

const FILE = `
x-env: &env
  TZ: UTC
services:
  web:
    build:
      context: ./web
    container_name: site
    hostname: site.local
    environment:
      <<: *env
      API_URL: http://api:8000
    env_file: [common.env, {path: web.env, required: false}]
    networks:
      front:
        aliases: [www]
        ipv4_address: 172.20.0.10
    depends_on:
      api:
        condition: service_healthy
        required: false
    links: ["api:backend"]
    volumes:
      - ./html:/usr/share/nginx/html:ro
      - static:/static
      - type: tmpfs
        target: /cache
    tmpfs: /run
    secrets: [token]
    configs: [{source: app, target: /etc/app.conf}]
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 10s
  api:
    image: example/api:1
    scale: 2
    environment: ["DEBUG=1", "EMPTY"]
    networks: [front, back]
    expose: ["8000"]
  worker:
    extends: api
    command: ["celery", "worker"]
    scale: 1
  sidecar:
    image: busybox
    network_mode: "service:web"
  tools:
    image: busybox
    profiles: [debug, ops]
networks:
  front:
    ipam: {config: [{subnet: 172.20.0.0/16}]}
  back:
    internal: true
  outside:
    external: true
volumes:
  static: {}
secrets:
  token: {file: ./token.txt}
configs:
  app: {file: ./app.conf}
`;

const analysis = analyze([{ name: 'compose.yaml', text: FILE }]);
const containers = objectsOfRole(analysis.topology, 'container');
const byName = (name: string) => containers.find((c) => c.name === name) as ComposeContainerObj;

describe('buildComposeTopology', () => {
  it('has no diagnostics for a valid file', () => {
    expect(analysis.diagnostics.map((d) => `${d.code} ${d.line}: ${d.message}`)).toEqual([]);
  });

  it('names containers by container_name, service, or service-N for replicas; hides inactive profiles', () => {
    expect(containers.map((c) => c.name)).toEqual(['site', 'api-1', 'api-2', 'worker', 'sidecar']);
    expect(containers.every((c) => c.parent === 'compose:host')).toBe(true);
    const host = objectsOfRole(analysis.topology, 'host')[0]!;
    expect(host.profiles).toEqual([
      { name: 'debug', active: false, services: ['tools'] },
      { name: 'ops', active: false, services: ['tools'] },
    ]);
    expect(host.inactiveServices).toEqual([{ service: 'tools', profiles: ['debug', 'ops'] }]);
    const active = analyze([{ name: 'compose.yaml', text: FILE }], { profiles: ['ops'] });
    expect(objectsOfRole(active.topology, 'container').map((c) => c.name)).toContain('tools');
  });

  it('reads build vs image, environment (list, map, merge keys), env_file, healthcheck', () => {
    const web = byName('site');
    expect(web).toMatchObject({
      build: './web',
      containerName: 'site',
      hostname: 'site.local',
      envFiles: ['common.env', 'web.env'],
    });
    expect(web.image).toBeUndefined();
    expect(web.env.map((e) => [e.name, e.value])).toEqual([
      ['TZ', 'UTC'],
      ['API_URL', 'http://api:8000'],
    ]);
    expect(web.healthcheck).toEqual({ test: 'curl -f http://localhost', interval: '10s', disabled: false });
    expect(byName('api-1').env.map((e) => [e.name, e.value])).toEqual([
      ['DEBUG', '1'],
      ['EMPTY', undefined],
    ]);
  });

  it('records networks with aliases and fixed addresses; network_mode; internal and external networks', () => {
    expect(byName('site').networks).toMatchObject([{ name: 'front', aliases: ['www'], ipv4Address: '172.20.0.10' }]);
    expect(byName('api-1').networks.map((n) => n.name)).toEqual(['front', 'back']);
    expect(byName('sidecar')).toMatchObject({ networks: [], networkMode: { kind: 'service', target: 'web' } });
    const networks = objectsOfRole(analysis.topology, 'network');
    expect(networks.map((n) => [n.name, n.internal, n.external, n.implicit])).toEqual([
      ['front', false, false, false],
      ['back', true, false, false],
      ['outside', false, true, false],
    ]);
  });

  it('reads depends_on maps (condition, required), links, mounts, secrets and configs', () => {
    const web = byName('site');
    expect(web.dependsOn).toMatchObject([{ service: 'api', condition: 'service_healthy', required: false }]);
    expect(web.links).toMatchObject([{ service: 'api', alias: 'backend' }]);
    expect(web.mounts.map((m) => [m.type, m.source, m.target, m.readOnly])).toEqual([
      ['bind', './html', '/usr/share/nginx/html', true],
      ['volume', 'static', '/static', false],
      ['tmpfs', undefined, '/cache', false],
      ['tmpfs', undefined, '/run', false],
    ]);
    expect(web.secrets).toEqual(['token']);
    expect(web.configs).toEqual(['app']);
  });

  it('extends copies the base service and overrides its fields', () => {
    expect(byName('worker')).toMatchObject({ image: 'example/api:1', command: ['celery', 'worker'], replicas: 1 });
    expect(byName('worker').networks.map((n) => n.name)).toEqual(['front', 'back']);
  });

  it('draws the edges: attached, depends-on with condition, links, talks-to with the variable, uses', () => {
    const edges = analysis.topology.edges.map((e) => `${e.from} ${e.kind}${e.label ? `(${e.label})` : ''} ${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'compose:container/site attached(www) compose:network/front',
        'compose:container/site depends-on(service_healthy) compose:container/api-1',
        'compose:container/site depends-on(service_healthy) compose:container/api-2',
        'compose:container/site links(backend) compose:container/api-1',
        'compose:container/site talks-to(API_URL) compose:container/api-1',
        'compose:container/site uses(/static) compose:volume/static',
        'compose:container/api-1 attached compose:network/back',
      ]),
    );
  });

  it('keeps source spans on objects and bindings', () => {
    const text = 'services:\n  web:\n    image: nginx\n    ports:\n      - "127.0.0.1:8080:80"\n';
    const topology = analyze([{ name: 'c.yaml', text }]).topology;
    const web = objectsOfRole(topology, 'container')[0]!;
    expect(web.source?.start.line).toBe(2);
    expect(web.published[0]).toMatchObject({ hostIp: '127.0.0.1', published: 8080, target: 80, localOnly: true });
    expect(web.published[0]?.span?.start.line).toBe(5);
    expect(objectsOfRole(topology, 'host')[0]?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });
});
