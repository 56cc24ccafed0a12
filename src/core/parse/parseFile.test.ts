import { describe, expect, it } from 'vitest';
import { createCachingChunkParser } from './parseChunk';
import { detectDocumentKind, parseFile } from './parseFile';

const parse = (text: string, name = 'f.yaml') => parseFile({ name, text });

describe('parseFile', () => {
  it('reads every document of a multi-document file, skipping empty ones and comments', () => {
    const text = [
      '# a comment before anything',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: a}',
      '---',
      '# only a comment',
      '---',
      '',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: b',
      '',
    ].join('\n');
    const { documents, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => [d.value.kind, d.span.start.line])).toEqual([
      ['Service', 3],
      ['Deployment', 11],
    ]);
    // A comment before the first `---` belongs to the first document, as YAML says.
    expect(documents.map((d) => d.index)).toEqual([0, 3]);
  });

  it('expands a kind: List into its items, each with its own place', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n';
    const { documents } = parse(text);
    expect(documents.map((d) => [d.item, d.value.kind, d.span.start.line])).toEqual([
      [0, 'Service', 4],
      [1, 'Pod', 8],
    ]);
  });

  it('reports a syntax error with file, line and column, and keeps the good documents', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n';
    const { documents, diagnostics } = parse(text, 'pod.yaml');
    expect(documents.map((d) => d.value.kind)).toEqual(['Service']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'YAML-SYNTAX', file: 'pod.yaml' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(9);
    expect(diagnostics[0]!.column).toBeGreaterThanOrEqual(1);
  });

  it('reports duplicate keys, which the API server would reject', () => {
    const { diagnostics } = parse('apiVersion: v1\nkind: Service\nkind: Pod\nmetadata: {name: a}\n');
    expect(diagnostics[0]).toMatchObject({ code: 'YAML-SYNTAX', line: 3 });
  });

  it('locates a field by its path, in the right file coordinates even after the first document', () => {
    const text =
      'a: 1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: http\n';
    const doc = parse(text).documents[0]!;
    expect(doc.locate(['spec', 'ports', 0, 'targetPort'])).toMatchObject({
      start: { line: 10, column: 17 },
      end: { line: 10, column: 21 },
    });
    expect(doc.locate(['spec', 'ports', 0, 'targetPort'], 'key').start).toMatchObject({ line: 10, column: 5 });
    // A path that goes further than the document: the deepest node that exists.
    expect(doc.locate(['spec', 'ports', 0, 'nodePort']).start.line).toBe(9);
  });

  it('honours anchors and << merge keys, and caps aliases', () => {
    const merged = parse('x: &base {image: nginx, port: 80}\nservices:\n  web:\n    <<: *base\n    port: 81\n');
    expect(merged.documents[0]!.value.services).toEqual({ web: { image: 'nginx', port: 81 } });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    for (const letter of 'cdefgh')
      bomb.push(
        `${letter}: &${letter} [${Array(9)
          .fill('*' + String.fromCharCode(letter.charCodeAt(0) - 1))
          .join(', ')}]`,
      );
    bomb.push('apiVersion: v1', 'kind: ConfigMap');
    const result = parse(bomb.join('\n'));
    expect(result.documents).toHaveLength(0);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'INPUT-ALIAS-BOMB', severity: 'error', line: 1 }),
    ]);
  });

  it('says how to render a Helm template, with the line of its first {{', () => {
    const { documents, diagnostics, kind } = parse(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n',
    );
    expect(kind).toBe('helm');
    expect(documents).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'INPUT-HELM-TEMPLATE', line: 4, column: 9 });
    expect(diagnostics[0]!.message).toContain('helm template');
  });

  it('says how to render a kustomization', () => {
    const { diagnostics, kind } = parse('resources:\n- a.yaml\n', 'overlays/prod/kustomization.yaml');
    expect(kind).toBe('kustomization');
    expect(diagnostics[0]).toMatchObject({ code: 'INPUT-KUSTOMIZATION' });
    expect(diagnostics[0]!.message).toContain('kubectl kustomize');
  });

  it('warns about documents that are neither Kubernetes nor Compose, and about lists', () => {
    const { documents, diagnostics } = parse('just: data\n---\n- a\n- b\n');
    expect(documents).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['INPUT-UNKNOWN-DOCUMENT', 1],
      ['INPUT-NOT-A-MAPPING', 3],
    ]);
  });

  it('with a caching chunk parser, parses a document again only when its text changed', () => {
    const parseChunk = createCachingChunkParser();
    const cached = (text: string) => parseFile({ name: 'f.yaml', text }, parseChunk);
    const first = cached(
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n',
    );
    const second = cached(
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: c}\n',
    );
    // The unchanged first document is the same parsed value, straight from the cache.
    expect(second.documents[0]!.value).toBe(first.documents[0]!.value);
    expect(second.documents[1]!.value).not.toBe(first.documents[1]!.value);
  });

  it('keeps no hidden state: without a caching parser, or with two of them, nothing is shared', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n';
    expect(parse(text).documents[0]!.value).not.toBe(parse(text).documents[0]!.value);
    const a = createCachingChunkParser();
    const b = createCachingChunkParser();
    const fromA = parseFile({ name: 'f.yaml', text }, a).documents[0]!.value;
    expect(parseFile({ name: 'f.yaml', text }, b).documents[0]!.value).not.toBe(fromA);
    expect(parseFile({ name: 'f.yaml', text }, a).documents[0]!.value).toBe(fromA);
  });
});

describe('hostile documents', () => {
  it('checks duplicate keys in linear time, at the repeated key, in nested and flow maps too', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: v`).join('\n');
    const started = performance.now();
    const { diagnostics } = parse(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n${keys}\n  k7: again\n`,
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'YAML-SYNTAX', line: 40_005, column: 3 })]);
    expect(diagnostics[0]!.message).toContain('Map keys must be unique');
    expect(parse('a:\n  b: {x: 1, x: 2}\n').diagnostics[0]).toMatchObject({ code: 'YAML-SYNTAX', line: 2 });
    expect(parse('a: 1\n"1": 2\n1: 3\n').diagnostics.filter((d) => d.code === 'YAML-SYNTAX')).toEqual([]);
  });

  it.each([
    ['flow brackets', `data: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 4],
    ['flow maps', `data: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`, 4],
    ['compact sequences', `data:\n${'- '.repeat(2_000)}x\n`, 5],
  ])('reports nesting by %s as too deep, not as a stack overflow', (_, text, line) => {
    const { diagnostics, documents } = parse(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n${text}`);
    expect(documents).toHaveLength(0);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'YAML-TOO-DEEP', severity: 'error', line })]);
    expect(diagnostics[0]!.message).toContain('too deeply nested');
  });

  it('keeps ordinary nesting and brackets in quotes and comments', () => {
    const text = `a: "${'['.repeat(900)}"\n# ${'['.repeat(900)}\nb: [[1, 2], {c: [3]}]\n`;
    expect(parse(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('syntax errors', () => {
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx',
    '        ports:',
    '          - containerPort: 8080',
    '        env:',
    '          - name: A',
    '            value: b',
  ];

  it.each(deployment.map((_, i) => i).filter((i) => i > 0))(
    'a tab before line %i gives one diagnostic, on that line, not a cascade',
    (i) => {
      const lines = [...deployment];
      lines[i] = '\t' + lines[i];
      const syntax = parse(lines.join('\n')).diagnostics.filter((d) => d.code === 'YAML-SYNTAX');
      expect(syntax).toHaveLength(1);
      expect(syntax[0]).toMatchObject({ line: i + 1, message: expect.stringMatching(/^YAML syntax: Tabs/) });
    },
  );

  it('says how many further errors follow from the one it shows', () => {
    const [only] = parse('a: {b: 1\nc: [1, 2\n').diagnostics;
    expect(only?.message).toMatch(/more syntax errors? in this document follow from it/);
  });
});

describe('detectDocumentKind', () => {
  it.each([
    ['k.yaml', { apiVersion: 'v1', kind: 'Service' }, 'kubernetes'],
    ['docker-compose.yml', { services: { web: {} } }, 'compose'],
    ['kustomization.yaml', { resources: ['a.yaml'] }, 'kustomization'],
    ['x.yaml', { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' }, 'kustomization'],
    ['x.yaml', { name: 'hello' }, 'unknown'],
  ])('%s %j → %s', (file, value, expected) => {
    expect(detectDocumentKind(file, value)).toBe(expected);
  });
});
