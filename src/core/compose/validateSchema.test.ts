import { describe, expect, it } from 'vitest';
import { parseFile } from '../parse/parseFile';
import { validateComposeSchema } from './validateSchema';

function check(text: string) {
  const parsed = parseFile({ name: 'compose.yaml', text });
  const doc = parsed.documents[0]!;
  return validateComposeSchema(doc).map(({ code, line, column, message }) => ({ code, line, column, message }));
}

describe('validateComposeSchema', () => {
  it('accepts a valid file with x- fields, anchors and long syntax', () => {
    expect(
      check(
        [
          'x-common: &common',
          '  restart: always',
          'services:',
          '  web:',
          '    <<: *common',
          '    image: nginx',
          '    ports: ["80:80", {target: 443, published: 8443, host_ip: 127.0.0.1}]',
          '    depends_on: {db: {condition: service_healthy}}',
          '    networks: {front: {aliases: [www]}, back: null}',
          '  db:',
          '    image: postgres',
          'networks: {front: {}, back: {internal: true}}',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'services:\n  web:\n    image: nginx\n    prots: ["80:80"]\n',
      {
        code: 'COMPOSE-SCHEMA-UNKNOWN-KEY',
        line: 4,
        column: 5,
        message: expect.stringContaining("did you mean 'ports'?"),
      },
    ],
    [
      'services:\n  web:\n    image: nginx\n    ports: "80:80"\n',
      { code: 'COMPOSE-SCHEMA-TYPE', line: 4, message: 'Ports of service web is a string; it must be a list.' },
    ],
    [
      'services:\n  web:\n    image: [nginx]\n',
      { code: 'COMPOSE-SCHEMA-TYPE', line: 3, message: 'Image of service web is a list; it must be a string.' },
    ],
    [
      'services:\n  web:\n    image: x\n    depends_on:\n      db: {required: true}\n',
      { code: 'COMPOSE-SCHEMA-REQUIRED', line: 5, message: expect.stringContaining("needs 'condition'") },
    ],
    [
      'services:\n  web:\n    image: x\n    depends_on:\n      db: {condition: healthy}\n',
      { code: 'COMPOSE-SCHEMA-ENUM', line: 5, message: expect.stringContaining('service_healthy') },
    ],
    [
      'services:\n  web:\n    image: x\n    ports:\n      - {targt: 80}\n',
      { code: 'COMPOSE-SCHEMA-UNKNOWN-KEY', line: 5, message: expect.stringContaining("did you mean 'target'?") },
    ],
    [
      'servces:\n  web: {image: x}\nservices: {}\n',
      { code: 'COMPOSE-SCHEMA-UNKNOWN-KEY', line: 1, column: 1, message: expect.stringContaining("'services'") },
    ],
  ])('%s', (text, expected) => {
    expect(check(text)).toEqual([expect.objectContaining(expected)]);
  });
});
