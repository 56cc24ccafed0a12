/**
 * Hostile inputs, as a careless or malicious paste would bring them: each is a named generator
 * so the bench (and a curious reader) can rebuild it. Sizes follow issue 13's table.
 */
import type { SourceFile } from '../src/core/model/source';

export type HostileInput = { name: string; files: () => SourceFile[] };

const app = (i: number, ns = 'default') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ${ns}\nspec:\n  replicas: 1\n` +
  `  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n` +
  `    spec:\n      containers:\n        - name: c\n          image: nginx\n          ports:\n            - containerPort: 80\n---\n` +
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\n  namespace: ${ns}\nspec:\n  selector:\n    app: app-${i}\n` +
  `  ports:\n    - port: 80\n---\n`;

const aliasBomb = () => {
  const lines = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: lol',
    'data:',
    '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  const names = 'bcdefghi'.split('');
  let previous = 'a';
  for (const name of names) {
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  return lines.join('\n') + '\n';
};

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: 'alias bomb', files: () => [{ name: 'bomb.yaml', text: aliasBomb() }] },
  {
    name: '10 MB file',
    files: () => {
      const parts: string[] = [];
      let size = 0;
      for (let i = 0; size < 10_000_000; i++) {
        const text = app(i, `ns-${i % 50}`);
        parts.push(text);
        size += text.length;
      }
      return [{ name: 'big.yaml', text: parts.join('') }];
    },
  },
  {
    name: '50k documents',
    files: () => [
      {
        name: 'docs.yaml',
        text: Array.from(
          { length: 50_000 },
          (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`,
        ).join('---\n'),
      },
    ],
  },
  {
    name: '40k keys',
    files: () => [
      {
        name: 'keys.yaml',
        text:
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n' +
          Array.from({ length: 40_000 }, (_, i) => `  k${i}: v\n`).join(''),
      },
    ],
  },
  {
    name: '5k Services',
    files: () => [{ name: 'apps.yaml', text: Array.from({ length: 5000 }, (_, i) => app(i, `ns-${i % 20}`)).join('') }],
  },
  {
    name: '3,000 NodePorts',
    files: () => [
      {
        name: 'nodeports.yaml',
        text:
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: many\nspec:\n  type: NodePort\n  selector:\n    app: x\n  ports:\n' +
          Array.from({ length: 3000 }, (_, i) => `    - name: p${i}\n      port: ${1000 + i}\n`).join(''),
      },
    ],
  },
  {
    name: 'deep nesting',
    files: () => [
      {
        name: 'deep.yaml',
        text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      },
    ],
  },
  {
    name: 'binary',
    files: () => [
      { name: 'image.png', text: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
    ],
  },
  {
    name: 'UTF-16',
    files: () => [{ name: 'utf16.yaml', text: decodeAsUtf8(utf16le(`\ufeff${app(1)}`)) }],
  },
  {
    name: 'Latin-1',
    files: () => [
      { name: 'latin1.yaml', text: decodeAsUtf8(Uint8Array.from(`# café\n${app(1)}`, (c) => c.charCodeAt(0))) },
    ],
  },
];

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** What a reader that assumes UTF-8 makes of the bytes (as a browser's `file.text()` does). */
function decodeAsUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
