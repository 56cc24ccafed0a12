/** The data-plane rules of issue 11, each as a table over small manifests (and bookinfo). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze';
import { traceRequest } from '../traceRequest';
import type { TraceRequest } from '../types';

const fixtures = import.meta.glob('../../kubernetes/fixtures/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const BOOKINFO = fixtures['../../kubernetes/fixtures/istio__samples__bookinfo__platform__kube__bookinfo.yaml']!;

const policy = (name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\nspec:\n${spec}`;
const DENY_EGRESS = policy('default-deny-egress', '  podSelector: {}\n  policyTypes: [Egress]\n');
const ALLOW_DNS = policy(
  'allow-dns',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]\n      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n',
);
const ALLOW_WEB = policy(
  'allow-web',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n      ports: [{port: 80}]\n',
);

function traceOf(texts: string[], request: TraceRequest) {
  const topology = analyze(texts.map((text, index) => ({ name: `f${index}.yaml`, text }))).topology;
  return traceRequest(topology, request);
}

describe('egress NetworkPolicy', () => {
  it.each([
    { name: 'no policy: leaves the cluster', extra: [], ok: true },
    {
      name: 'default deny: DNS is blocked first',
      extra: [DENY_EGRESS],
      ok: false,
      message: /DNS lookup of www\.google\.com timed out/,
    },
    {
      name: 'DNS allowed, the web is not',
      extra: [DENY_EGRESS, ALLOW_DNS],
      ok: false,
      message: /Connection to www\.google\.com:80 timed out.*\(DNS itself was allowed\)/,
    },
    { name: 'DNS and port 80 allowed', extra: [DENY_EGRESS, ALLOW_DNS, ALLOW_WEB], ok: true },
  ])('$name', ({ extra, ok, message }) => {
    const trace = traceOf([BOOKINFO, ...extra], { from: 'productpage', url: 'http://www.google.com/' });
    expect(trace.ok).toBe(ok);
    if (!ok) expect(trace.failure?.code).toBe('TRACE-POLICY-DENIED');
    if (message) expect(trace.failure?.message).toMatch(message);
  });

  it('blocks in-cluster names too when DNS is denied', () => {
    const trace = traceOf([BOOKINFO, DENY_EGRESS], { from: 'productpage', url: 'http://reviews:9080/' });
    expect(trace.failure?.message).toMatch(/port 53 to cluster DNS/);
  });
});
