import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { composeVariables, profilesFromVariable, setDotenvValue } from './variables';

const compose = [
  'services:',
  '  web:',
  '    image: "nginx:${TAG:-1.27}"',
  '    ports: ["${PORT}:80"]',
  '    environment:',
  '      - DB=${DB_URL:?set the database URL}',
  '      - HOME=$HOME',
  '      - PRICE=$$5',
  '      - NESTED=${A:-${B}}',
  '    # ${IN_A_COMMENT}',
].join('\n');

describe('composeVariables', () => {
  it('lists each variable once, with its fallback, whether it is required, and where it is used', () => {
    const variables = composeVariables([
      { name: 'compose.yaml', text: compose },
      { name: '.env', text: 'PORT=8080\n# TAG=old\n' },
    ]);
    expect(variables).toEqual([
      { name: 'TAG', fallback: '1.27', required: false, file: 'compose.yaml', line: 3 },
      { name: 'PORT', required: false, value: '8080', file: 'compose.yaml', line: 4 },
      { name: 'DB_URL', required: true, file: 'compose.yaml', line: 6 },
      { name: 'HOME', required: false, file: 'compose.yaml', line: 7 },
      { name: 'A', fallback: '${B}', required: false, file: 'compose.yaml', line: 9 },
      { name: 'B', required: false, file: 'compose.yaml', line: 9 },
    ]);
  });

  it('reads no Kubernetes manifest, .env or nginx config as a Compose file', () => {
    expect(
      composeVariables([
        { name: 'k.yaml', text: 'apiVersion: v1\nkind: ConfigMap\ndata: {a: "${X}"}\n' },
        { name: 'default.conf', text: 'services: { }\nset $x ${Y};\n' },
      ]),
    ).toEqual([]);
  });
});

describe('setDotenvValue', () => {
  it.each([
    ['', 'PORT', '80', 'PORT=80\n'],
    ['A=1\nPORT=8080\n# note\n', 'PORT', '80', 'A=1\nPORT=80\n# note\n'],
    ['A=1\nexport PORT=8080', 'PORT', '80', 'A=1\nPORT=80\n'],
    ['A=1\nPORT=8080\n', 'PORT', undefined, 'A=1\n'],
    ['A=1\n', 'MSG', 'hello world', "A=1\nMSG='hello world'\n"],
    ['PORTS=1\n', 'PORT', '2', 'PORTS=1\nPORT=2\n'],
  ])('%j with %s=%s → %j', (text, name, value, expected) => {
    expect(setDotenvValue(text, name, value)).toBe(expected);
  });
});

describe('COMPOSE_PROFILES', () => {
  const files = (env: string) => [
    { name: 'compose.yaml', text: 'services:\n  app:\n    image: a\n  debug:\n    image: b\n    profiles: [debug]\n' },
    { name: '.env', text: env },
  ];
  const containers = (env: string, profiles?: string[]) =>
    analyze(files(env), profiles ? { profiles } : {})
      .topology.objects.filter((o) => o.role === 'container')
      .map((o) => o.name);

  it('activates the profiles a .env tab names, as docker compose does', () => {
    expect(containers('')).toEqual(['app']);
    expect(containers('COMPOSE_PROFILES=debug, other\n')).toEqual(['app', 'debug']);
    // profiles asked for explicitly win, as `--profile` does
    expect(containers('COMPOSE_PROFILES=debug\n', [])).toEqual(['app']);
  });

  it('splits a list of profiles', () => {
    expect(profilesFromVariable(' a, ,b ')).toEqual(['a', 'b']);
    expect(profilesFromVariable(undefined)).toEqual([]);
  });
});
