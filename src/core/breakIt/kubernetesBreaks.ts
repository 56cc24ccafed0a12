import { isMap, isScalar, type Node } from 'yaml';
import type { SourceFile } from '../model/source';
import type { IngressObj, PodObj, ServiceObj, TopologyObject } from '../model/topology';
import type { Breakage } from './types';
import { nodeAt, sourceDocument, withEdits } from './fileEdits';
import { itemIndexAt, removeItem, replaceScalar, type TextEdit } from './yamlEdit';

/** A port number one past `port`: near enough to look right, wrong enough to be refused. */
const nextPort = (port: number) => (port >= 65535 ? port - 1 : port + 1);

/** Sets `targetPort` of the Service's port `portIndex` to a port nothing listens on. */
export function wrongTargetPort(
  files: readonly SourceFile[],
  service: ServiceObj,
  portIndex: number,
  podPorts: readonly number[],
): Breakage | undefined {
  const port = service.servicePorts[portIndex];
  const source = sourceDocument(files, service.source);
  if (!port || !source) return undefined;
  const ports = nodeAt(source.doc, ['spec', 'ports']);
  const index = port.span ? itemIndexAt(ports, port.span.start.offset) : -1;
  const item = nodeAt(source.doc, ['spec', 'ports', index === -1 ? portIndex : index]);
  if (!isMap(item)) return undefined;
  const current = typeof port.targetPort === 'number' ? port.targetPort : (podPorts[0] ?? port.port);
  let wrong = nextPort(current);
  while (podPorts.includes(wrong)) wrong = nextPort(wrong);
  const target = item.items.find((p) => isScalar(p.key) && p.key.value === 'targetPort');
  let edit: TextEdit | undefined;
  if (target) edit = replaceScalar(target.value as Node, String(wrong));
  else {
    // No targetPort (it defaults to `port`): one goes in on the line after `port:`.
    const portPair = item.items.find((p) => isScalar(p.key) && p.key.value === 'port');
    const keyRange = (portPair?.key as Node | undefined)?.range;
    const valueRange = (portPair?.value as Node | undefined)?.range;
    if (!item.flow && keyRange && valueRange) {
      const text = source.file.text;
      const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
      const indent = ' '.repeat(keyRange[0] - lineStart);
      const end = text.indexOf('\n', valueRange[1]);
      const at = end === -1 ? text.length : end + 1;
      edit = { start: at, end: at, text: `${end === -1 ? '\n' : ''}${indent}targetPort: ${wrong}\n` };
    }
  }
  const changed = withEdits(files, source.file.name, [edit]);
  if (!changed) return undefined;
  return {
    id: 'wrong-target-port',
    label: 'Wrong targetPort',
    change: `Service ${service.name}: targetPort ${port.targetPort} → ${wrong}`,
    files: changed,
  };
}

/** Removes the label the Service selects by from the pod template of every pod it selects. */
export function removedLabel(
  files: readonly SourceFile[],
  service: ServiceObj,
  byId: ReadonlyMap<string, TopologyObject>,
): Breakage | undefined {
  const key = Object.keys(service.selector ?? {})[0];
  if (!key) return undefined;
  // The objects whose template made the pods: their workloads, or the bare pods themselves.
  const makers = new Map<string, TopologyObject>();
  for (const id of service.endpoints) {
    const pod = byId.get(id) as PodObj | undefined;
    if (pod?.role !== 'pod') continue;
    const maker = (pod.owner && byId.get(pod.owner)) || (pod.origin && byId.get(pod.origin)) || pod;
    if (maker.source) makers.set(maker.id, maker);
  }
  let result: SourceFile[] = [...files];
  let changed = false;
  for (const maker of makers.values()) {
    const source = sourceDocument(result, maker.source);
    if (!source) continue;
    const path = maker.role === 'pod' ? ['metadata'] : ['spec', 'template', 'metadata'];
    const metadata = nodeAt(source.doc, path);
    const labels = nodeAt(source.doc, [...path, 'labels']);
    if (!metadata || !isMap(labels)) continue;
    const index = labels.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
    const next = withEdits(result, source.file.name, [removeItem(source.file.text, metadata, 'labels', index)]);
    if (next) {
      result = next;
      changed = true;
    }
  }
  if (!changed) return undefined;
  return {
    id: 'removed-label',
    label: 'Removed label',
    change: `The pods lost the label ${key}=${service.selector![key]} that Service ${service.name} selects`,
    files: result,
  };
}

/** Deletes rule `ruleIndex` of an Ingress. */
export function deletedIngressRule(
  files: readonly SourceFile[],
  ingress: IngressObj,
  ruleIndex: number,
): Breakage | undefined {
  const rule = ingress.rules[ruleIndex];
  const source = sourceDocument(files, ingress.source);
  const spec = source && nodeAt(source.doc, ['spec']);
  if (!rule || !source || !spec) return undefined;
  const found = rule.span ? itemIndexAt(nodeAt(source.doc, ['spec', 'rules']), rule.span.start.offset) : -1;
  const changed = withEdits(files, source.file.name, [
    removeItem(source.file.text, spec, 'rules', found === -1 ? ruleIndex : found),
  ]);
  if (!changed) return undefined;
  return {
    id: 'deleted-ingress-rule',
    label: 'Deleted Ingress rule',
    change: `Ingress ${ingress.name}: the rule for ${rule.host ?? 'every host'} is gone`,
    files: changed,
  };
}

/** Every port the pods of a Service declare. */
export function podPortsOf(service: ServiceObj, byId: ReadonlyMap<string, TopologyObject>): number[] {
  return service.endpoints.flatMap((id) => {
    const pod = byId.get(id) as PodObj | undefined;
    return pod?.role === 'pod' ? pod.template.containers.flatMap((c) => c.ports.map((p) => p.containerPort)) : [];
  });
}
