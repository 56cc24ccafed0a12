import { describe, expect, it } from 'vitest';
import { run } from './main';

const FIXTURES = 'src/core/kubernetes/fixtures';
const SEED = ['deployment', 'service', 'ingress'].map((f) => `${FIXTURES}/seed__${f}.yaml`);
const VOTING = ['result-deployment', 'result-service'].map((f) => `${FIXTURES}/voting__k8s-specifications__${f}.yaml`);
const BOUTIQUE = [`${FIXTURES}/msd__release__kubernetes-manifests.yaml`];

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (t) => (out += t),
    (t) => (err += t),
  );
  return { code, out, err, json: out ? JSON.parse(out) : undefined };
}

describe('portolan trace', () => {
  it('prints the contract JSON of a successful trace and exits 0', async () => {
    const { code, json } = await cli('trace', ...SEED, '--url', 'https://api.hwangbogyumin.com/');
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.failure).toBeUndefined();
    expect(json.hops.map((h: { kind: string }) => h.kind)).toEqual([
      'client',
      'loadbalancer',
      'ingress',
      'service',
      'pod',
      'container',
    ]);
    expect(json.hops.at(-1)).toEqual({
      kind: 'container',
      name: 'golang-backend-api',
      namespace: 'default',
      port: 8080,
      detail: 'containerPort 8080',
    });
    for (const hop of json.hops)
      expect(Object.keys(hop).every((k) => ['kind', 'name', 'namespace', 'port', 'detail'].includes(k))).toBe(true);
  });

  it('prints a failed trace with its failure and still exits 0', async () => {
    const { code, json } = await cli('trace', ...SEED, '--url', 'https://nope.hwangbogyumin.com/');
    expect(code).toBe(0);
    expect(json.ok).toBe(false);
    expect(json.failure.code).toBe('TRACE-NO-RULE');
    expect(Object.keys(json.failure).every((k) => ['code', 'message', 'object'].includes(k))).toBe(true);
  });

  it('traces a NodePort on a chosen node count', async () => {
    const { json } = await cli('trace', ...VOTING, '--url', 'http://node-5:31001/', '--nodes', '5');
    expect(json.ok).toBe(true);
    expect(json.hops[1]).toMatchObject({ kind: 'node', name: 'node-5', port: 31001 });
    expect(json.hops.at(-1)).toMatchObject({ name: 'result', port: 80, detail: 'containerPort 80 (result)' });
    expect((await cli('trace', ...VOTING, '--url', 'http://node-5:31001/')).json.failure.code).toBe(
      'TRACE-DNS-NXDOMAIN',
    );
  });

  it('traces from inside with --from and spreads with --request', async () => {
    const pods = await Promise.all(
      ['0', '1'].map(
        async (i) =>
          (await cli('trace', ...BOUTIQUE, '--from', 'frontend', '--url', 'http://cartservice:7070', '--request', i))
            .json,
      ),
    );
    expect(pods[0].ok).toBe(true);
    expect(pods[0].hops.at(-1)).toMatchObject({ kind: 'container', port: 7070 });
  });

  it('passes --method and --header to Gateway API matches', async () => {
    const file = `${FIXTURES}/gateway-api__examples__standard__basic-http.yaml`;
    const url = 'http://foo.com/some/thing?great=example';
    expect(
      (await cli('trace', file, '--url', url, '--header', 'magic: foo', '--method', 'GET')).json.failure.message,
    ).toContain('my-service2');
    expect((await cli('trace', file, '--url', url, '--method', 'GET')).json.failure.code).toBe('TRACE-NO-RULE');
    expect((await cli('trace', file, '--url', url, '--header', 'magic')).code).toBe(2);
  });

  it('checks against the chosen Kubernetes version, and refuses one not offered', async () => {
    const { code, err } = await cli('check', ...SEED, '--kube-version', '1.12');
    expect(code).toBe(2);
    expect(err).toMatch(/1\.12 is not offered; --kube-version takes one of 1\.36, 1\.34/);
    expect((await cli('check', ...SEED, '--kube-version', '1.30')).code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('trace', ...SEED)).code).toBe(2);
    expect((await cli('trace', ...SEED, '--url', 'https://x/', '--request', '-1')).code).toBe(2);
    expect((await cli('trace', '--url', 'https://x/')).code).toBe(2);
  });
});
