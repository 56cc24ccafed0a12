import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';

function diagnose(text: string, extra: { name: string; text: string }[] = []) {
  return analyze([{ name: 'compose.yaml', text }, ...extra]).diagnostics.map(({ severity, code, line, column }) => ({
    severity,
    code,
    line,
    column,
  }));
}

/** Each row: a Compose file, and the one diagnostic it must produce (severity, code, line). */
describe('Compose diagnostics', () => {
  it.each([
    [
      'port clash on the same host port and protocol (error on the second)',
      'services:\n  a:\n    image: x\n    ports: ["8080:80"]\n  b:\n    image: y\n    ports: ["0.0.0.0:8080:81"]\n',
      { severity: 'error', code: 'COMPOSE-PORT-CLASH', line: 7 },
    ],
    [
      'replicas with a fixed published port',
      'services:\n  a:\n    image: x\n    deploy:\n      replicas: 3\n    ports: ["8080:80"]\n',
      { severity: 'error', code: 'COMPOSE-REPLICAS-FIXED-PORT', line: 6 },
    ],
    [
      'depends_on naming an unknown service',
      'services:\n  a:\n    image: x\n    depends_on: [nope]\n',
      { severity: 'error', code: 'COMPOSE-DEPENDS-UNKNOWN', line: 4 },
    ],
    [
      'depends_on map naming an unknown service',
      'services:\n  a:\n    image: x\n    depends_on:\n      nope:\n        condition: service_healthy\n',
      { severity: 'error', code: 'COMPOSE-DEPENDS-UNKNOWN', line: 5 },
    ],
    [
      'links naming an unknown service',
      'services:\n  a:\n    image: x\n    links: ["nope:db"]\n',
      { severity: 'error', code: 'COMPOSE-LINK-UNKNOWN', line: 4 },
    ],
    [
      'network_mode service:x naming an unknown service',
      'services:\n  a:\n    image: x\n    network_mode: "service:nope"\n',
      { severity: 'error', code: 'COMPOSE-NETWORK-MODE-UNKNOWN', line: 4 },
    ],
    [
      'an undefined network',
      'services:\n  a:\n    image: x\n    networks: [back]\n',
      { severity: 'error', code: 'COMPOSE-NETWORK-UNDEFINED', line: 4 },
    ],
    [
      'an undefined volume',
      'services:\n  a:\n    image: x\n    volumes: ["data:/var/lib/data"]\n',
      { severity: 'error', code: 'COMPOSE-VOLUME-UNDEFINED', line: 4 },
    ],
    [
      'an unset variable without a default',
      'services:\n  a:\n    image: "x:${TAG}"\n',
      { severity: 'warning', code: 'COMPOSE-VAR-UNSET', line: 3 },
    ],
    [
      'a required variable',
      'services:\n  a:\n    image: "x:${TAG:?set TAG}"\n',
      { severity: 'error', code: 'COMPOSE-VAR-REQUIRED', line: 3 },
    ],
    [
      'an invalid port',
      'services:\n  a:\n    image: x\n    ports:\n      - "80:80"\n      - "8080:80/xyz"\n',
      { severity: 'error', code: 'COMPOSE-PORT-INVALID', line: 6 },
    ],
    [
      'neither image nor build',
      'services:\n  a:\n    restart: always\n',
      { severity: 'error', code: 'COMPOSE-NO-IMAGE', line: 2 },
    ],
    [
      'a connection string naming an unknown service',
      'services:\n  a:\n    image: x\n    environment:\n      DB_URL: postgres://pg:5432/app\n',
      { severity: 'warning', code: 'COMPOSE-CONNECTION-UNKNOWN-HOST', line: 5 },
    ],
    [
      'a connection to a port the target neither exposes nor publishes',
      'services:\n  a:\n    image: x\n    environment:\n      - DB=postgres://db:5433/app\n  db:\n    image: postgres\n    expose: ["5432"]\n',
      { severity: 'warning', code: 'COMPOSE-CONNECTION-PORT-UNDECLARED', line: 5 },
    ],
    [
      'two services that must talk but share no network',
      'services:\n  a:\n    image: x\n    command: ["wait-for-it.sh", "db:5432"]\n    networks: [front]\n  db:\n    image: postgres\n    expose: ["5432"]\n    networks: [back]\nnetworks: {front: {}, back: {}}\n',
      { severity: 'warning', code: 'COMPOSE-NO-SHARED-NETWORK', line: 2 },
    ],
    [
      'a misspelt key (schema)',
      'services:\n  a:\n    image: x\n    prots: ["80:80"]\n',
      { severity: 'error', code: 'COMPOSE-SCHEMA-UNKNOWN-KEY', line: 4 },
    ],
    [
      'the obsolete version',
      'version: "3.8"\nservices:\n  a:\n    image: x\n',
      { severity: 'info', code: 'COMPOSE-VERSION-OBSOLETE', line: 1 },
    ],
    [
      'depends_on a service behind an inactive profile',
      'services:\n  a:\n    image: x\n    depends_on: [tools]\n  tools:\n    image: y\n    profiles: [debug]\n',
      { severity: 'warning', code: 'COMPOSE-DEPENDS-INACTIVE', line: 4 },
    ],
    [
      'an undefined secret',
      'services:\n  a:\n    image: x\n    secrets: [token]\n',
      { severity: 'error', code: 'COMPOSE-SECRET-UNDEFINED', line: 4 },
    ],
    [
      'an undefined config',
      'services:\n  a:\n    image: x\n    configs: [app]\n',
      { severity: 'error', code: 'COMPOSE-CONFIG-UNDEFINED', line: 4 },
    ],
    [
      'extends an unknown service',
      'services:\n  a:\n    image: x\n    extends: base\n',
      { severity: 'error', code: 'COMPOSE-EXTENDS-UNKNOWN', line: 4 },
    ],
  ])('%s', (_name, text, expected) => {
    expect(diagnose(text)).toEqual([expect.objectContaining(expected)]);
  });

  it('no clash when host IPs differ, or protocols differ', () => {
    const text =
      'services:\n  a:\n    image: x\n    ports: ["127.0.0.1:8080:80", "53:53/udp"]\n  b:\n    image: y\n    ports: ["127.0.0.2:8080:80", "53:53/tcp"]\n';
    expect(diagnose(text)).toEqual([]);
  });

  it('a .env tab sets variables; the variables option wins', () => {
    const text = 'services:\n  a:\n    image: "x:${TAG}"\n    ports: ["${PORT}:80"]\n';
    expect(diagnose(text, [{ name: '.env', text: 'TAG=1\nPORT=8080\n' }])).toEqual([]);
    const analysis = analyze(
      [
        { name: 'c.yaml', text },
        { name: '.env', text: 'TAG=1\nPORT=8080\n' },
      ],
      { variables: { PORT: '9090' } },
    );
    const container = analysis.topology.objects.find((o) => o.role === 'container');
    expect(container?.role === 'container' && container.published[0]?.published).toBe(9090);
  });

  it('a file holding both Kubernetes and Compose documents is reported', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\nservices:\n  a:\n    image: x\n';
    expect(analyze([{ name: 'mixed.yaml', text }]).diagnostics.map((d) => d.code)).toContain('INPUT-MIXED-WORLDS');
  });
});
