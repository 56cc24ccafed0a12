import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { summarizeCompose } from './summary';

const dir = join(import.meta.dirname, 'fixtures');
const load = (file: string) => analyze([{ name: file, text: readFileSync(join(dir, file), 'utf8') }]);

/** Summaries checked by reading each file (see fixtures/PROVENANCE.tsv for where they come from). */
const airflowServices = [
  'airflow-apiserver',
  'airflow-scheduler',
  'airflow-dag-processor',
  'airflow-worker',
  'airflow-triggerer',
];
const expected: Record<string, ReturnType<typeof summarizeCompose>> = {
  'airflow__airflow-core__docs__howto__docker-compose__docker-compose.yaml': {
    containers: ['postgres', 'redis', ...airflowServices, 'airflow-init'],
    published: ['8080->airflow-apiserver:8080/tcp'],
    networks: ['default'],
    // x-airflow-common's depends_on (redis, postgres) merged into each service's own
    dependsOn: [
      ...airflowServices.flatMap((s) => [
        `${s}->redis`,
        `${s}->postgres`,
        ...(s === 'airflow-worker' ? ['airflow-worker->airflow-apiserver'] : []),
        `${s}->airflow-init`,
      ]),
      'airflow-init->redis',
      'airflow-init->postgres',
    ],
  },
  'seed__golang-backend__docker-compose.yaml': {
    containers: ['postgres', 'api'],
    published: ['5432->postgres:5432/tcp', '8080->api:8080/tcp'],
    networks: ['default'],
    dependsOn: ['api->postgres'],
  },
  'seed__portfolio__docker-compose.yaml': {
    containers: ['nginx', 'client'],
    published: ['80->nginx:80/tcp'],
    networks: ['frontend'],
    dependsOn: [],
  },
  'awesome-compose__plex__compose.yaml': { containers: ['plex'], published: [], networks: [], dependsOn: [] },
  'awesome-compose__nginx-golang-mysql__compose.yaml': {
    containers: ['backend', 'db', 'proxy'],
    published: ['80->proxy:80/tcp'],
    networks: ['default'],
    dependsOn: ['backend->db', 'proxy->backend'],
  },
  'awesome-compose__nginx-wsgi-flask__compose.yaml': {
    containers: ['nginx-proxy', 'flask-app'],
    published: ['80->nginx-proxy:80/tcp', '8000->flask-app:8000/tcp'],
    networks: ['default'],
    dependsOn: ['nginx-proxy->flask-app'],
  },
  'awesome-compose__pihole-cloudflared-DoH__compose.yaml': {
    containers: ['cloudflared', 'pihole'],
    published: [
      '5054->cloudflared:5054/tcp',
      '5054->cloudflared:5054/udp',
      '53->pihole:53/tcp',
      '53->pihole:53/udp',
      '67->pihole:67/udp',
      '8080->pihole:80/tcp',
      '8443->pihole:443/tcp',
    ],
    networks: ['dns-net'],
    dependsOn: ['pihole->cloudflared'],
  },
  'coturn__docker__docker-compose-all.yml': {
    containers: ['mysql', 'postgresql', 'redis', 'mongodb', 'coturn'],
    published: [3478, 3479, 80, 5349, 5350, 443].flatMap((p) => [`${p}->coturn:${p}/tcp`, `${p}->coturn:${p}/udp`]),
    networks: ['frontend', 'backend'],
    dependsOn: ['coturn->mysql', 'coturn->postgresql', 'coturn->redis', 'coturn->mongodb'],
  },
  'docker-compose__pkg__e2e__fixtures__watch__compose.yaml': {
    containers: ['alpine', 'busybox', 'debian'],
    published: [],
    networks: ['default'],
    dependsOn: [],
  },
  'docker-compose__pkg__e2e__testdata__TestPortRange__compose.yaml': {
    containers: ['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'b', 'c'],
    published: [1, 2, 3, 4, 5].map((i) => `6005-6015->a-${i}:80/tcp`),
    networks: ['default'],
    dependsOn: [],
  },
  'dockerswarm-rocks__docs__traefik-host.yml': {
    containers: ['traefik'],
    published: ['80->traefik:80/tcp', '443->traefik:443/tcp'],
    networks: ['traefik-public'],
    dependsOn: [],
  },
  'jitsi__docker-compose.yml': {
    containers: ['web', 'prosody', 'jicofo', 'jvb'],
    // web publishes ${HTTP_PORT}:8000: unset, so only the container port remains
    published: ['127.0.0.1:8888->jicofo:8888/tcp', '10000->jvb:10000/udp', '127.0.0.1:8080->jvb:8080/tcp'],
    networks: ['meet.jitsi'],
    dependsOn: ['web->jvb', 'jicofo->prosody', 'jvb->prosody'],
  },
};

describe('Compose corpus', () => {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  it('has a summary for every fixture', () => {
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });
  it.each(files)('%s', (file) => {
    const analysis = load(file);
    expect(analysis.topology.world).toBe('compose');
    expect(summarizeCompose(analysis.topology)).toEqual(expected[file]);
    // The files are valid Compose: no schema error, no invalid port.
    expect(analysis.diagnostics.filter((d) => /COMPOSE-(SCHEMA|PORT-INVALID)/.test(d.code))).toEqual([]);
  });

  it('airflow: anchors and << merge keys give every airflow service the common environment and dependencies', () => {
    const analysis = load('airflow__airflow-core__docs__howto__docker-compose__docker-compose.yaml');
    const summary = summarizeCompose(analysis.topology);
    expect(summary.containers).toEqual([
      'postgres',
      'redis',
      'airflow-apiserver',
      'airflow-scheduler',
      'airflow-dag-processor',
      'airflow-worker',
      'airflow-triggerer',
      'airflow-init',
    ]);
    expect(summary.published).toEqual(['8080->airflow-apiserver:8080/tcp']);
    expect(summary.dependsOn).toContain('airflow-worker->airflow-apiserver');
    expect(summary.dependsOn.filter((d) => d.endsWith('->postgres'))).toHaveLength(6);
    const talks = analysis.topology.edges.filter(
      (e) => e.kind === 'talks-to' && e.label === 'AIRFLOW__CELERY__BROKER_URL',
    );
    expect(talks).toHaveLength(6);
    // AIRFLOW_UID is unset: one warning at the anchor's line, not one per service.
    const unset = analysis.diagnostics.filter((d) => d.code === 'COMPOSE-VAR-UNSET');
    expect(new Set(unset.map((d) => `${d.line}:${d.column}`)).size).toBe(unset.length);
  });

  it('dockerswarm-rocks: ${VAR?Variable not set} is an error at its line', () => {
    const required = load('dockerswarm-rocks__docs__traefik-host.yml').diagnostics.filter(
      (d) => d.code === 'COMPOSE-VAR-REQUIRED',
    );
    expect(required.map((d) => d.line)).toEqual([34, 34, 41, 46, 76]);
  });
});
