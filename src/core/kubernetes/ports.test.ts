import { describe, expect, it } from 'vitest';
import type { Container, PodTemplate } from '../model/topology';
import {
  containerForServicePort,
  findServicePort,
  readIntOrStringPort,
  readPortNumber,
  resolveTargetPort,
} from './ports';

function template(containers: Partial<Container>[]): { template: PodTemplate } {
  return {
    template: {
      labels: {},
      containers: containers.map((c, i) => ({
        name: `c${i}`,
        ports: [],
        env: [],
        command: [],
        args: [],
        envFrom: [],
        ...c,
      })),
      initContainers: [],
      nodeSelector: {},
      tolerations: [],
      requiredNodeAffinity: [],
      volumes: [],
      hostNetwork: false,
    },
  };
}

const web = template([
  { name: 'app', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] },
  {
    name: 'metrics',
    ports: [
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
    ],
  },
]);

describe('resolveTargetPort', () => {
  it.each([
    ['a number is itself, declared or not', 8080, 'TCP', 8080],
    ['an undeclared number still reaches the pod', 3000, 'TCP', 3000],
    ['a name resolves by container port name', 'http', 'TCP', 8080],
    ['a name in the second container', 'metrics', 'TCP', 9090],
    ['a name with the wrong protocol does not resolve', 'dns', 'TCP', undefined],
    ['a name with its protocol resolves', 'dns', 'UDP', 53],
    ['an unknown name does not resolve', 'grpc', 'TCP', undefined],
  ] as const)('%s', (_name, targetPort, protocol, expected) => {
    expect(resolveTargetPort({ port: 80, targetPort, protocol }, web)).toBe(expected);
  });

  it('resolves per pod: the same name may mean different numbers', () => {
    const other = template([{ ports: [{ name: 'http', containerPort: 3000, protocol: 'TCP' }] }]);
    const port = { port: 80, targetPort: 'http', protocol: 'TCP' } as const;
    expect([resolveTargetPort(port, web), resolveTargetPort(port, other)]).toEqual([8080, 3000]);
  });

  it('names the container that answers', () => {
    expect(containerForServicePort({ port: 80, targetPort: 'metrics', protocol: 'TCP' }, web)?.container.name).toBe(
      'metrics',
    );
    expect(containerForServicePort({ port: 80, targetPort: 7000, protocol: 'TCP' }, web)).toMatchObject({
      port: 7000,
      container: { name: 'app' },
    });
  });
});

describe('findServicePort', () => {
  const service = {
    servicePorts: [
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' as const },
      { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' as const },
    ],
  };
  it.each([
    [{ number: 443 }, 443],
    [{ name: 'http' }, 80],
    [{ number: 8080 }, undefined],
    [{ name: 'grpc' }, undefined],
    [{}, undefined],
  ])('%j → %s', (ref, expected) => {
    expect(findServicePort(service, ref)?.port).toBe(expected);
  });
});

describe('reading ports from YAML', () => {
  it.each([
    [80, 80],
    ['8080', 8080],
    [0, undefined],
    [70000, undefined],
    ['http', undefined],
    [null, undefined],
  ])('readPortNumber(%j) → %s', (raw, expected) => {
    expect(readPortNumber(raw)).toBe(expected);
  });
  it('reads IntOrString', () => {
    expect([readIntOrStringPort('http'), readIntOrStringPort('80'), readIntOrStringPort({})]).toEqual([
      'http',
      80,
      undefined,
    ]);
  });
});
