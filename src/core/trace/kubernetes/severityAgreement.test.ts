/**
 * One truth: what the problems list says of a mistake agrees with what a trace through it does.
 * An error ⇔ the request fails; a warning on the path ⇔ it arrives but likely fails (amber).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze';
import { traceRequest } from '../traceRequest';

const fixtures = import.meta.glob('../../kubernetes/fixtures/seed__*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const seed = (name: string): string => {
  const text = fixtures[`../../kubernetes/fixtures/seed__${name}.yaml`];
  if (text === undefined) throw new Error(`no fixture seed__${name}`);
  return text;
};

type Case = {
  what: string;
  edit: (files: Record<string, string>) => void;
  /** the diagnostic the mistake gives, with its severity */
  diagnostic?: { code: string; severity: 'error' | 'warning' | 'info' };
  trace: 'ok' | 'amber' | 'failed';
  status?: number;
};

const URL = 'https://api.hwangbogyumin.com/';

const CASES: Case[] = [
  { what: 'the seed as published', edit: () => {}, trace: 'ok' },
  {
    what: 'a targetPort the pods do not declare, while they declare another',
    edit: (f) => (f.service = f.service!.replace('targetPort: 8080', 'targetPort: 8081')),
    diagnostic: { code: 'K8S-SVC-TARGETPORT-UNDECLARED', severity: 'warning' },
    trace: 'amber',
  },
  {
    what: 'a targetPort while the containers declare no ports at all (a note, not a warning)',
    edit: (f) => {
      f.service = f.service!.replace('targetPort: 8080', 'targetPort: 8081');
      f.deployment = f.deployment!.replace(/ {8}ports:\n {10}- containerPort: 8080\n/, '');
    },
    trace: 'ok',
  },
  {
    what: 'an Ingress backend naming a Service that is not there',
    edit: (f) => (f.ingress = f.ingress!.replace('name: golang-backend-api-service', 'name: golang-backend-api-svc')),
    diagnostic: { code: 'K8S-INGRESS-BACKEND-MISSING', severity: 'error' },
    trace: 'failed',
    status: 503,
  },
  {
    what: 'an Ingress backend port the Service does not have',
    edit: (f) => (f.ingress = f.ingress!.replace('number: 80', 'number: 8080')),
    diagnostic: { code: 'K8S-INGRESS-BACKEND-PORT', severity: 'error' },
    trace: 'failed',
    status: 503,
  },
];

describe('diagnostic severity agrees with the trace', () => {
  it.each(CASES)('$what', ({ edit, diagnostic, trace: expected, status }) => {
    const files: Record<string, string> = {
      deployment: seed('deployment'),
      service: seed('service'),
      ingress: seed('ingress'),
    };
    edit(files);
    const { topology, diagnostics } = analyze(
      Object.entries(files).map(([name, text]) => ({ name: `${name}.yaml`, text })),
    );
    const trace = traceRequest(topology, { url: URL });
    // What routes this request: the Ingress and Service it passes (a workload's env warnings are not about it).
    const routing = new Set(
      trace.hops.filter((h) => h.kind === 'ingress' || h.kind === 'service').map((h) => h.objectId as string),
    );
    const onPath = diagnostics.filter(
      (d) => d.severity !== 'info' && d.objectId !== undefined && routing.has(d.objectId),
    );

    if (diagnostic) expect(diagnostics).toContainEqual(expect.objectContaining(diagnostic));
    // The rule itself: an error exactly when the request fails, a warning exactly when it ends amber.
    expect(onPath.some((d) => d.severity === 'error')).toBe(!trace.ok);
    expect(onPath.some((d) => d.severity === 'warning')).toBe(trace.doubt !== undefined);
    expect(trace.ok ? (trace.doubt ? 'amber' : 'ok') : 'failed').toBe(expected);
    if (status !== undefined) expect(trace.failure?.status).toBe(status);
    if (expected === 'amber') {
      expect(trace.doubt).toMatch(/likely refused: .* declares 8080, not 8081/);
      expect(trace.hops.at(-1)).toMatchObject({ kind: 'container', port: 8081 });
    }
  });
});
