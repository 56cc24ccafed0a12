import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { fuzzSettings, fuzzTimeout } from './fuzzSettings.testkit';
import { traceRequest } from './trace';

/** What any single analysis of a small input must stay under (the app's worker budget is 10 s). */
const BUDGET_MS = 3000;

// Pieces of manifests and of YAML's trickier syntax: random strings rarely look like YAML.
const TOKENS = [
  'apiVersion: v1\n',
  'apiVersion: apps/v1\n',
  'kind: Service\n',
  'kind: Deployment\n',
  'kind: Pod\n',
  'kind: Ingress\n',
  'kind: List\nitems:\n',
  'metadata:\n',
  '  name: web\n',
  '  namespace: shop\n',
  'spec:\n',
  '  type: NodePort\n',
  '  selector: {app: web}\n',
  '  selector: app\n',
  '  replicas: "three"\n',
  '  replicas: .nan\n',
  '  ports:\n  - port: 80\n    targetPort: http\n    nodePort: 30080\n',
  '  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: x\n        ports:\n        - containerPort: 8080\n',
  'services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n',
  '---\n',
  '- ',
  '  ',
  '\t',
  '\n',
  '&a ',
  '*a',
  '<<: *a\n',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '"',
  "'",
  '#',
  '{{ .Values.x }}',
  '\u0000',
  '\ufffd',
  'ü',
  'x'.repeat(300),
];

const yamlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(yamlish, fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }));
const fileName = fc.oneof(
  fc.constantFrom('a.yaml', 'b.yml', 'compose.yaml', '.env', 'nginx.conf', 'kustomization.yaml'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const workspace = fc.uniqueArray(fc.record({ name: fileName, text: anyText }), {
  maxLength: 4,
  selector: (f) => f.name,
});

describe('analyze() on any input (property)', () => {
  it(
    'never throws, answers within its budget, and every diagnostic is located in a given file',
    () => {
      fc.assert(
        fc.property(workspace, fc.integer({ min: -5, max: 50 }), (files, nodes) => {
          const started = performance.now();
          const analysis = analyze(files, { nodes });
          expect(performance.now() - started).toBeLessThan(BUDGET_MS);
          const names = new Set(files.map((f) => f.name));
          for (const d of analysis.diagnostics) {
            expect(names.has(d.file) || d.file === '').toBe(true);
            expect(d.line).toBeGreaterThanOrEqual(1);
          }
        }),
        fuzzSettings(150),
      );
    },
    fuzzTimeout(150, 100),
  );
});

describe('traceRequest() for any URL and from (property)', () => {
  const sample = (path: string) => readFileSync(new URL(`../samples/${path}`, import.meta.url), 'utf8');
  const topologies = [
    analyze([{ name: 'shop.yaml', text: sample('online-boutique/kubernetes-manifests.yaml') }]).topology,
    analyze([{ name: 'bookinfo.yaml', text: sample('bookinfo/bookinfo.yaml') }]).topology,
  ];
  const url = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('http://frontend/', 'frontend:80', 'http://[::1', 'ftp://x', '//', 'http://a:99999/'),
  );
  const from = fc.option(
    fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('frontend', 'default/cartservice', '/')),
    {
      nil: undefined,
    },
  );

  it(
    'never throws, and always answers with at least one hop or a failure',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(0, 1), url, from, fc.integer(), (which, target, client, requestIndex) => {
          const trace = traceRequest(topologies[which]!, {
            url: target,
            ...(client !== undefined ? { from: client } : {}),
            requestIndex,
          });
          expect(trace.ok || trace.failure !== undefined || trace.hops.length > 0).toBe(true);
        }),
        fuzzSettings(300),
      );
    },
    fuzzTimeout(300, 50),
  );
});
