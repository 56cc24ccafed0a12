import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { looksSecret, REDACTED, redactSecrets } from './redactSecrets';

const redact = (text: string, name = 'a.yaml') => redactSecrets([{ name, text }]).files[0]!.text;

describe('looksSecret', () => {
  it.each([
    ['POSTGRES_PASSWORD', true],
    ['DB_PASS', true],
    ['JWT_SECRET', true],
    ['GITHUB_TOKEN', true],
    ['AWS_ACCESS_KEY_ID', true],
    ['apiKey', true],
    ['GOOGLE_APPLICATION_CREDENTIALS', true],
    ['SECRET_KEY_BASE', true],
    ['POSTGRES_USER', false],
    ['KEYCLOAK_URL', false],
    ['PASSENGER_COUNT', false],
    ['DB_SOURCE', false],
    ['PORT', false],
  ])('%s → %s', (name, secret) => expect(looksSecret(name)).toBe(secret));
});

describe('redactSecrets', () => {
  it.each([
    [
      'a Secret: data and stringData values, comments kept',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db # the database\ndata:\n  password: aHVudGVyMg== # base64\nstringData:\n  user: "root"\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db # the database\ndata:\n  password: <redacted> # base64\nstringData:\n  user: "<redacted>"\n',
    ],
    [
      'a Secret with a block scalar',
      'kind: Secret\nstringData:\n  key.pem: |\n    -----BEGIN KEY-----\n    abc\nother: 1\n',
      'kind: Secret\nstringData:\n  key.pem: "<redacted>"\nother: 1\n',
    ],
    [
      'a ConfigMap keeps its data',
      'kind: ConfigMap\ndata:\n  password: not-really\n',
      'kind: ConfigMap\ndata:\n  password: not-really\n',
    ],
    [
      'Kubernetes env: secret names only, valueFrom untouched',
      'spec:\n  containers:\n    - env:\n        - name: DB_PASSWORD\n          value: hunter2\n        - name: DB_USER\n          value: root\n        - name: API_TOKEN\n          valueFrom: {secretKeyRef: {name: t, key: k}}\n',
      'spec:\n  containers:\n    - env:\n        - name: DB_PASSWORD\n          value: <redacted>\n        - name: DB_USER\n          value: root\n        - name: API_TOKEN\n          valueFrom: {secretKeyRef: {name: t, key: k}}\n',
    ],
    [
      'Compose environment as a list, quoted and plain',
      'services:\n  db:\n    environment:\n      - POSTGRES_USER=root\n      - POSTGRES_PASSWORD=secret\n      - "JWT_SECRET=a b"\n',
      'services:\n  db:\n    environment:\n      - POSTGRES_USER=root\n      - POSTGRES_PASSWORD=<redacted>\n      - "JWT_SECRET=<redacted>"\n',
    ],
    [
      'Compose environment as a map; references and empty values kept',
      'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: secret   # change me\n      MYSQL_ROOT_PASSWORD: ${ROOT_PW}\n      API_KEY:\n      USER: root\n',
      'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: <redacted>   # change me\n      MYSQL_ROOT_PASSWORD: ${ROOT_PW}\n      API_KEY:\n      USER: root\n',
    ],
    [
      'Compose environment through an anchor',
      'x-env: &env\n  DB_PASSWORD: s3cret\nservices:\n  a:\n    environment: *env\n',
      'x-env: &env\n  DB_PASSWORD: <redacted>\nservices:\n  a:\n    environment: *env\n',
    ],
    [
      'a password inside a connection URL, anywhere (comments too)',
      'env:\n  - name: DB_SOURCE\n    value: postgresql://root:secret@postgres:5432/db?sslmode=disable\n# was redis://:pa55@cache:6379\n',
      'env:\n  - name: DB_SOURCE\n    value: postgresql://root:••••@postgres:5432/db?sslmode=disable\n# was redis://:••••@cache:6379\n',
    ],
    [
      'a URL without a password is left alone',
      'url: https://user@example.com/x\nother: http://example.com:8080/\n',
      'url: https://user@example.com/x\nother: http://example.com:8080/\n',
    ],
    ['flow style', 'environment: {DB_PASSWORD: x, USER: y}\n', 'environment: {DB_PASSWORD: <redacted>, USER: y}\n'],
    ['not YAML at all', '{{ .Values.password }}: [\n', '{{ .Values.password }}: [\n'],
  ])('%s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['.env', 'DB_PASSWORD=hunter2\nexport API_TOKEN="abc"\nUSER=root\n# SECRET=x\nREF=${A}\nDB_KEY=${DB_KEY}\n'],
    ['prod.env', 'DB_PASSWORD=hunter2\nexport API_TOKEN="abc"\nUSER=root\n# SECRET=x\nREF=${A}\nDB_KEY=${DB_KEY}\n'],
  ])('reads %s as a dotenv file', (name, input) => {
    expect(redact(input, name)).toBe(
      'DB_PASSWORD=<redacted>\nexport API_TOKEN=<redacted>\nUSER=root\n# SECRET=x\nREF=${A}\nDB_KEY=${DB_KEY}\n',
    );
  });

  it('counts what it replaced and leaves files without secrets as they were', () => {
    const result = redactSecrets([
      { name: 'a.yaml', text: 'environment:\n  - A_PASSWORD=x\n  - B=postgres://u:p@h/db\n' },
      { name: 'b.yaml', text: 'kind: Service\n' },
    ]);
    expect(result.count).toBe(2);
    expect(result.files[1]).toEqual({ name: 'b.yaml', text: 'kind: Service\n' });
  });

  it('redacts the Compose sample and still parses to the same shape', () => {
    const text = readFileSync(new URL('../samples/go-backend-compose/docker-compose.yaml', import.meta.url), 'utf8');
    const out = redact(text);
    expect(out).not.toMatch(/secret/);
    expect(out).toContain('POSTGRES_PASSWORD=<redacted>');
    expect(out).toContain('postgresql://root:••••@postgres:5432/simple_bank');
    expect(out).toContain('# purpose to exposeing ports');
    const before = parseAllDocuments(text).map((d) => Object.keys(d.toJS().services));
    expect(parseAllDocuments(out).map((d) => Object.keys(d.toJS().services))).toEqual(before);
  });

  it('survives hostile input', () => {
    const deep = 'a:\n' + Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i + 1)}b${i}:`).join('\n') + ' x\n';
    expect(() => redact(deep)).not.toThrow();
    expect(() => redact('a: &a [*a]\nenvironment: *a\n')).not.toThrow();
    expect(() => redact('environment: *nothing\n')).not.toThrow();
    expect(redact('')).toBe('');
    expect(REDACTED).toBe('<redacted>');
  });
});
