import type { Container, ContainerPort, PodTemplate, Protocol, ServiceObj, ServicePort } from '../model/topology';

/**
 * Port resolution, as kube-proxy and the endpoints controller do it. Shared by the model and the
 * trace engine.
 */

/** Anything that carries a pod template: a PodObj or a WorkloadObj. */
export type HasTemplate = { template: PodTemplate };

/** The containers that serve traffic (init containers have exited before the pod is ready). */
function servingContainers(pod: HasTemplate): Container[] {
  return pod.template.containers;
}

/** The container port a named targetPort refers to in one pod, honouring the protocol. */
export function findNamedContainerPort(
  pod: HasTemplate,
  name: string,
  protocol: Protocol = 'TCP',
): { container: Container; port: ContainerPort } | undefined {
  for (const container of servingContainers(pod)) {
    for (const port of container.ports) {
      // Kubernetes' FindPort matches the name and the protocol.
      if (port.name === name && port.protocol === protocol) return { container, port };
    }
  }
  return undefined;
}

/**
 * The containerPort number a Service port reaches in one pod: a named targetPort is looked up by
 * container port name (per pod, so pods may differ); a number is itself, declared or not.
 * Undefined when a name matches no container port of the pod.
 */
export function resolveTargetPort(
  servicePort: Pick<ServicePort, 'port' | 'targetPort' | 'protocol'>,
  pod: HasTemplate,
): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  return findNamedContainerPort(pod, target, servicePort.protocol)?.port.containerPort;
}

/**
 * The container that answers a Service port in one pod, and the declared port when there is one.
 * A numeric targetPort nobody declares still reaches the pod (containerPort is informational):
 * then the answer is the first container, with no declared port.
 */
export function containerForServicePort(
  servicePort: Pick<ServicePort, 'port' | 'targetPort' | 'protocol'>,
  pod: HasTemplate,
): { container: Container; port: number; declared?: ContainerPort } | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'string') {
    const found = findNamedContainerPort(pod, target, servicePort.protocol);
    return found ? { container: found.container, port: found.port.containerPort, declared: found.port } : undefined;
  }
  return containerForPortNumber(pod, target, servicePort.protocol);
}

/** The container declaring a port number (or the first container, undeclared); for direct pod traffic too. */
export function containerForPortNumber(
  pod: HasTemplate,
  port: number,
  protocol: Protocol = 'TCP',
): { container: Container; port: number; declared?: ContainerPort } | undefined {
  for (const container of servingContainers(pod)) {
    const declared = container.ports.find((p) => p.containerPort === port && p.protocol === protocol);
    if (declared) return { container, port, declared };
  }
  const first = servingContainers(pod)[0];
  return first ? { container: first, port } : undefined;
}

/** True when some container of the pod declares this port number. */
export function declaresContainerPort(pod: HasTemplate, port: number, protocol: Protocol = 'TCP'): boolean {
  return servingContainers(pod).some((c) => c.ports.some((p) => p.containerPort === port && p.protocol === protocol));
}

/** The Service port an Ingress backend or HTTPRoute names, by number or by name. */
export function findServicePort(
  service: Pick<ServiceObj, 'servicePorts'>,
  ref: { number?: number; name?: string },
): ServicePort | undefined {
  if (ref.number !== undefined) return service.servicePorts.find((p) => p.port === ref.number);
  if (ref.name !== undefined) return service.servicePorts.find((p) => p.name === ref.name);
  // No port given: a single-port Service is unambiguous (Gateway API requires a port otherwise).
  return service.servicePorts.length === 1 ? service.servicePorts[0] : undefined;
}

/** Reads a protocol from untrusted YAML; Kubernetes defaults to TCP. */
export function readProtocol(raw: unknown): Protocol {
  return raw === 'UDP' || raw === 'SCTP' ? raw : 'TCP';
}

/** Reads a port number (1–65535) from untrusted YAML, accepting digit strings; undefined otherwise. */
export function readPortNumber(raw: unknown): number | undefined {
  const value = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) return undefined;
  return value;
}

/** Reads an IntOrString port (targetPort, backend port): a number, a digit string as a number, or a name. */
export function readIntOrStringPort(raw: unknown): number | string | undefined {
  const number = readPortNumber(raw);
  if (number !== undefined) return number;
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  return undefined;
}
