import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { SourceFile } from '../model/source';
import { traceRequest } from '../trace';
import { breakagesFor, type BreakId } from './index';

function sample(folder: string, names: string[]): SourceFile[] {
  return names.map((name) => ({
    name,
    text: readFileSync(new URL(`../../samples/${folder}/${name}`, import.meta.url), 'utf8'),
  }));
}

const k8s = sample('go-backend-k8s', ['deployment.yaml', 'service.yaml', 'ingress.yaml']);
const compose = sample('go-backend-compose', ['docker-compose.yaml']);

function traceOf(files: SourceFile[], url: string) {
  return traceRequest(analyze(files).topology, { url });
}

function broken(files: SourceFile[], url: string, id: BreakId) {
  const { topology } = analyze(files);
  const breakage = breakagesFor(files, topology, traceRequest(topology, { url }), url).find((b) => b.id === id);
  expect(breakage, id).toBeDefined();
  return breakage!;
}

/** The lines of `after` that differ from `before`: removed (-) and added (+). */
function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    ...a.slice(head, a.length - tail).map((l) => `- ${l}`),
    ...b.slice(head, b.length - tail).map((l) => `+ ${l}`),
  ];
}

function changes(before: SourceFile[], after: SourceFile[]) {
  return Object.fromEntries(
    after
      .map((file, i) => [file.name, lineDiff(before[i]!.text, file.text)] as const)
      .filter(([, diff]) => diff.length > 0),
  );
}

const K8S_URL = 'https://api.hwangbogyumin.com/';
const COMPOSE_URL = 'http://localhost:8080/';

describe('break it: the seed samples', () => {
  it('work before anything is broken', () => {
    expect(traceOf(k8s, K8S_URL)).toMatchObject({ ok: true });
    expect(traceOf(k8s, K8S_URL).doubt).toBeUndefined();
    expect(traceOf(compose, COMPOSE_URL)).toMatchObject({ ok: true });
  });

  it('a wrong targetPort: the request arrives where nothing listens (amber, likely refused)', () => {
    const breakage = broken(k8s, K8S_URL, 'wrong-target-port');
    expect(changes(k8s, breakage.files)).toEqual({
      'service.yaml': ['-       targetPort: 8080 # forward port', '+       targetPort: 8081 # forward port'],
    });
    const trace = traceOf(breakage.files, K8S_URL);
    expect(trace.doubt).toMatch(/8081/);
    expect(trace.hops.at(-1)!.port).toBe(8081);
    expect(breakage.change).toBe('Service golang-backend-api-service: targetPort 8080 → 8081');
  });

  it('a removed label: the Service selects no pod (503)', () => {
    const breakage = broken(k8s, K8S_URL, 'removed-label');
    expect(changes(k8s, breakage.files)).toEqual({
      'deployment.yaml': ['-       labels:', '-         app: golang-backend-api', '+       labels: {}'],
    });
    const trace = traceOf(breakage.files, K8S_URL);
    expect(trace.failure).toMatchObject({ code: 'TRACE-NO-ENDPOINTS', status: 503 });
  });

  it('a deleted Ingress rule: no rule matches the host (404)', () => {
    const breakage = broken(k8s, K8S_URL, 'deleted-ingress-rule');
    const diff = changes(k8s, breakage.files)['ingress.yaml']!;
    expect(diff[0]).toBe('-   rules:');
    expect(diff.at(-1)).toBe('+   rules: []');
    expect(diff.filter((l) => l.startsWith('+'))).toHaveLength(1);
    // The TLS section and the comment-free rest of the file survive.
    expect(breakage.files[2]!.text).toContain('secretName: hwangbogyumin-api.cert');
    const trace = traceOf(breakage.files, K8S_URL);
    expect(trace.failure).toMatchObject({ code: 'TRACE-NO-RULE', status: 404 });
  });

  it('an unpublished port: the host has no door on it', () => {
    const breakage = broken(compose, COMPOSE_URL, 'unpublished-port');
    expect(changes(compose, breakage.files)).toEqual({
      'docker-compose.yaml': ['-     ports:', '-       - "8080:8080"', '+     ports: []'],
    });
    expect(traceOf(breakage.files, COMPOSE_URL).failure?.code).toBe('TRACE-COMPOSE-NOT-PUBLISHED');
  });

  it('aims at what the trace passes through: the postgres door for a trace to 5432', () => {
    const breakage = broken(compose, 'postgres://localhost:5432', 'unpublished-port');
    expect(breakage.change).toBe('postgres: host port 5432 is no longer published');
    expect(traceOf(breakage.files, 'postgres://localhost:5432').failure?.code).toBe('TRACE-COMPOSE-NOT-PUBLISHED');
    expect(traceOf(breakage.files, COMPOSE_URL).ok).toBe(true);
  });

  it('offers only what fits the world', () => {
    const ids = (files: SourceFile[], url: string) => {
      const { topology } = analyze(files);
      return breakagesFor(files, topology, traceRequest(topology, { url }), url).map((b) => b.id);
    };
    expect(ids(k8s, K8S_URL)).toEqual(['wrong-target-port', 'removed-label', 'deleted-ingress-rule']);
    expect(ids(compose, COMPOSE_URL)).toEqual(['unpublished-port']);
  });

  it('a Service with no targetPort gets a wrong one on the line after its port', () => {
    const files = [
      k8s[0]!,
      {
        name: 'service.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: golang-backend-api\n  ports:\n    - port: 8080\n      protocol: TCP\n',
      },
    ];
    const breakage = broken(files, 'http://node-1:1/', 'wrong-target-port');
    expect(changes(files, breakage.files)).toEqual({ 'service.yaml': ['+       targetPort: 8081'] });
  });
});
