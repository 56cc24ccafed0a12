import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { objectsOfRole, type ServiceObj } from '../model/topology';

const service = (name: string, type: string, ports: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  selector:\n    app: x\n  ports:\n${ports}---\n`;

function services(text: string): Map<string, ServiceObj> {
  const { topology } = analyze([{ name: 'svc.yaml', text }]);
  return new Map(objectsOfRole(topology, 'service').map((s) => [s.name, s]));
}

describe('allocateNodePorts', () => {
  const text =
    service('web', 'NodePort', '  - name: http\n    port: 80\n  - name: https\n    port: 443\n') +
    service('fixed', 'NodePort', '  - port: 80\n    nodePort: 31001\n') +
    service('lb', 'LoadBalancer', '  - port: 80\n') +
    service('inside', 'ClusterIP', '  - port: 80\n');

  it('gives NodePort and LoadBalancer ports without a nodePort one in 30000–32767, marked as picked', () => {
    const byName = services(text);
    for (const name of ['web', 'lb']) {
      for (const port of byName.get(name)!.servicePorts) {
        expect(port.nodePort).toBeGreaterThanOrEqual(30000);
        expect(port.nodePort).toBeLessThanOrEqual(32767);
        expect(port.nodePortAllocated).toBe(true);
      }
    }
  });

  it('keeps the nodePorts the files name, and gives ClusterIP Services none', () => {
    const byName = services(text);
    expect(byName.get('fixed')!.servicePorts[0]).toMatchObject({ nodePort: 31001 });
    expect(byName.get('fixed')!.servicePorts[0]!.nodePortAllocated).toBeUndefined();
    expect(byName.get('inside')!.servicePorts[0]!.nodePort).toBeUndefined();
  });

  it('never gives two ports the same nodePort, and gives the same ones on every analysis', () => {
    const first = [...services(text).values()].flatMap((s) => s.servicePorts.map((p) => p.nodePort)).filter(Boolean);
    expect(new Set(first).size).toBe(first.length);
    const again = [...services(text).values()].flatMap((s) => s.servicePorts.map((p) => p.nodePort)).filter(Boolean);
    expect(again).toEqual(first);
  });
});

describe('allocateNodePorts when the range runs out', () => {
  it('gives 2,768 ports one each, then reports the rest as K8S-NODEPORT-EXHAUSTED, quickly', () => {
    const ports = Array.from({ length: 3000 }, (_, i) => `  - name: p${i}\n    port: ${1000 + i}\n`).join('');
    const started = performance.now();
    const { topology, diagnostics } = analyze([{ name: 'many.yaml', text: service('many', 'NodePort', ports) }]);
    expect(performance.now() - started).toBeLessThan(10_000);
    const many = objectsOfRole(topology, 'service').find((s) => s.name === 'many')!;
    const given = many.servicePorts.filter((p) => p.nodePort !== undefined);
    expect(given).toHaveLength(2768);
    expect(new Set(given.map((p) => p.nodePort)).size).toBe(2768);
    const exhausted = diagnostics.filter((d) => d.code === 'K8S-NODEPORT-EXHAUSTED');
    expect(exhausted).toHaveLength(3000 - 2768);
    expect(exhausted[0]).toMatchObject({ severity: 'error', file: 'many.yaml' });
    expect(exhausted[0]!.line).toBeGreaterThan(10);
  });
});
