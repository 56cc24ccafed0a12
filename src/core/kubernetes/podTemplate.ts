import type {
  Container,
  ContainerPort,
  EnvVar,
  LabelSelectorRequirement,
  PodTemplate,
  Toleration,
  VolumeRef,
} from '../model/topology';
import type { PathSegment } from '../parse/parseFile';
import type { SourceSpan } from '../model/source';
import { readLabelMap, readRequirement } from './labels';
import { readPortNumber, readProtocol } from './ports';
import { asBoolean, asRecord, asString, listOf, recordOf, stringList } from './read';

/** A reference from a pod spec to another object, with where it is written (relative to the pod spec). */
export type PodReference = {
  kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';
  name: string;
  optional: boolean;
  path: PathSegment[];
};

/** A required field the pod spec lacks (relative to the pod spec). */
export type PodSpecIssue = { path: PathSegment[]; message: string };

export type ReadPodTemplate = {
  template: PodTemplate;
  references: PodReference[];
  issues: PodSpecIssue[];
};

/** Locates a path relative to the pod spec (`spec` of a Pod, `spec.template.spec` of a workload). */
export type SpecLocator = (path: readonly PathSegment[]) => SourceSpan;

/**
 * Reads a pod template (`{metadata, spec}`; a bare Pod has the same shape) from untrusted YAML,
 * together with the objects it references and the required fields it lacks.
 */
export function readPodTemplate(raw: unknown, locate?: SpecLocator): ReadPodTemplate {
  const record = recordOf(raw);
  const spec = recordOf(record.spec);
  const references: PodReference[] = [];
  const issues: PodSpecIssue[] = [];

  const containers = readContainers(spec.containers, ['containers'], references, issues, locate);
  const initContainers = readContainers(spec.initContainers, ['initContainers'], references, issues, locate);
  if (containers.length === 0) {
    issues.push({
      path: ['containers'],
      message: 'has no containers: a pod needs at least one entry under spec.containers with a name and an image',
    });
  }

  const volumes = readVolumes(spec.volumes, references);
  const serviceAccountName = asString(spec.serviceAccountName) ?? asString(spec.serviceAccount);
  if (serviceAccountName !== undefined) {
    references.push({
      kind: 'ServiceAccount',
      name: serviceAccountName,
      optional: false,
      path: [spec.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount'],
    });
  }

  const nodeName = asString(spec.nodeName);
  const hostname = asString(spec.hostname);
  const subdomain = asString(spec.subdomain);
  const template: PodTemplate = {
    labels: readLabelMap(recordOf(record.metadata).labels),
    containers,
    initContainers,
    ...(nodeName !== undefined ? { nodeName } : {}),
    nodeSelector: readLabelMap(spec.nodeSelector),
    tolerations: readTolerations(spec.tolerations),
    requiredNodeAffinity: readRequiredNodeAffinity(spec.affinity),
    volumes,
    ...(serviceAccountName !== undefined ? { serviceAccountName } : {}),
    ...(hostname !== undefined ? { hostname } : {}),
    ...(subdomain !== undefined ? { subdomain } : {}),
    hostNetwork: asBoolean(spec.hostNetwork) ?? false,
  };
  return { template, references, issues };
}

function readContainers(
  raw: unknown,
  path: PathSegment[],
  references: PodReference[],
  issues: PodSpecIssue[],
  locate?: SpecLocator,
): Container[] {
  const containers: Container[] = [];
  listOf(raw).forEach((item, index) => {
    const record = asRecord(item);
    if (!record) return;
    const at = [...path, index];
    const name = asString(record.name);
    const image = asString(record.image);
    if (name === undefined) {
      issues.push({ path: at, message: `container ${index + 1} has no name: add \`name:\`` });
    }
    if (image === undefined) {
      issues.push({
        path: at,
        message: `container ${name ?? index + 1} has no image: add \`image:\` (e.g. nginx:1.27)`,
      });
    }
    containers.push({
      name: name ?? `container-${index + 1}`,
      ...(image !== undefined ? { image } : {}),
      ports: readContainerPorts(record.ports, [...at, 'ports'], locate),
      env: readEnv(record.env, [...at, 'env'], references, locate),
      command: stringList(record.command),
      args: stringList(record.args),
      envFrom: readEnvFrom(record.envFrom, [...at, 'envFrom'], references),
    });
  });
  return containers;
}

function readContainerPorts(raw: unknown, path: PathSegment[], locate?: SpecLocator): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const [index, item] of listOf(raw).entries()) {
    const record = asRecord(item);
    const containerPort = readPortNumber(record?.containerPort);
    if (!record || containerPort === undefined) continue;
    const name = asString(record.name);
    const hostPort = readPortNumber(record.hostPort);
    ports.push({
      ...(name !== undefined ? { name } : {}),
      containerPort,
      protocol: readProtocol(record.protocol),
      ...(hostPort !== undefined ? { hostPort } : {}),
      // The `containerPort:` line, which a trace's last hop shows in the editor.
      ...(locate ? { span: locate([...path, index, 'containerPort']) } : {}),
    });
  }
  return ports;
}

function readEnv(raw: unknown, path: PathSegment[], references: PodReference[], locate?: SpecLocator): EnvVar[] {
  const env: EnvVar[] = [];
  listOf(raw).forEach((item, index) => {
    const record = asRecord(item);
    const name = asString(record?.name);
    if (!record || name === undefined) return;
    const at = [...path, index];
    const value = asString(record.value);
    const valueFrom = recordOf(record.valueFrom);
    let from: EnvVar['from'];
    for (const [field, kind] of [
      ['configMapKeyRef', 'ConfigMap'],
      ['secretKeyRef', 'Secret'],
    ] as const) {
      const ref = asRecord(valueFrom[field]);
      if (!ref) continue;
      const refName = asString(ref.name);
      const key = asString(ref.key);
      const optional = asBoolean(ref.optional) ?? false;
      from = { kind, ...(refName !== undefined ? { name: refName } : {}), ...(key ? { key } : {}), optional };
      if (refName !== undefined) {
        references.push({ kind, name: refName, optional, path: [...at, 'valueFrom', field, 'name'] });
      }
    }
    if (!from && asRecord(valueFrom.fieldRef)) from = { kind: 'Field', optional: false };
    if (!from && asRecord(valueFrom.resourceFieldRef)) from = { kind: 'Resource', optional: false };
    env.push({
      name,
      ...(value !== undefined ? { value } : {}),
      ...(from ? { from } : {}),
      ...(locate ? { span: locate(at) } : {}),
    });
  });
  return env;
}

function readEnvFrom(raw: unknown, path: PathSegment[], references: PodReference[]): Container['envFrom'] {
  const envFrom: Container['envFrom'] = [];
  listOf(raw).forEach((item, index) => {
    const record = recordOf(item);
    for (const [field, kind] of [
      ['configMapRef', 'ConfigMap'],
      ['secretRef', 'Secret'],
    ] as const) {
      const ref = asRecord(record[field]);
      const name = asString(ref?.name);
      if (!ref || name === undefined) continue;
      const optional = asBoolean(ref.optional) ?? false;
      envFrom.push({ kind, name, optional });
      references.push({ kind, name, optional, path: [...path, index, field, 'name'] });
    }
  });
  return envFrom;
}

function readVolumes(raw: unknown, references: PodReference[]): VolumeRef[] {
  const volumes: VolumeRef[] = [];
  listOf(raw).forEach((item, index) => {
    const record = asRecord(item);
    const name = asString(record?.name);
    if (!record || name === undefined) return;
    const at: PathSegment[] = ['volumes', index];
    const add = (kind: VolumeRef['kind'], refName: string | undefined, optional: boolean, path: PathSegment[]) => {
      volumes.push({ name, kind, ...(refName !== undefined ? { refName } : {}), optional });
      if (refName !== undefined && kind !== 'Other') references.push({ kind, name: refName, optional, path });
    };
    const configMap = asRecord(record.configMap);
    const secret = asRecord(record.secret);
    const claim = asRecord(record.persistentVolumeClaim);
    const projected = asRecord(record.projected);
    if (configMap) {
      add('ConfigMap', asString(configMap.name), asBoolean(configMap.optional) ?? false, [...at, 'configMap', 'name']);
    } else if (secret) {
      add('Secret', asString(secret.secretName), asBoolean(secret.optional) ?? false, [...at, 'secret', 'secretName']);
    } else if (claim) {
      add('PersistentVolumeClaim', asString(claim.claimName), false, [...at, 'persistentVolumeClaim', 'claimName']);
    } else if (projected) {
      let any = false;
      listOf(projected.sources).forEach((source, sourceIndex) => {
        const sourceRecord = recordOf(source);
        for (const [field, kind] of [
          ['configMap', 'ConfigMap'],
          ['secret', 'Secret'],
        ] as const) {
          const ref = asRecord(sourceRecord[field]);
          if (!ref) continue;
          any = true;
          add(kind, asString(ref.name), asBoolean(ref.optional) ?? false, [
            ...at,
            'projected',
            'sources',
            sourceIndex,
            field,
            'name',
          ]);
        }
      });
      if (!any) add('Other', undefined, false, at);
    } else {
      add('Other', undefined, false, at);
    }
  });
  return volumes;
}

function readTolerations(raw: unknown): Toleration[] {
  const tolerations: Toleration[] = [];
  for (const item of listOf(raw)) {
    const record = asRecord(item);
    if (!record) continue;
    const key = asString(record.key);
    const value = asString(record.value);
    const effect = asString(record.effect);
    tolerations.push({
      ...(key !== undefined ? { key } : {}),
      operator: record.operator === 'Exists' ? 'Exists' : 'Equal',
      ...(value !== undefined ? { value } : {}),
      ...(effect !== undefined ? { effect } : {}),
    });
  }
  return tolerations;
}

function readRequiredNodeAffinity(raw: unknown): LabelSelectorRequirement[][] {
  const required = recordOf(recordOf(recordOf(raw).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const terms: LabelSelectorRequirement[][] = [];
  for (const term of listOf(required.nodeSelectorTerms)) {
    const record = recordOf(term);
    const requirements = listOf(record.matchExpressions)
      .map(readRequirement)
      .filter((r): r is LabelSelectorRequirement => r !== undefined);
    // matchFields can only name metadata.name; a node's hostname label carries the same value.
    for (const field of listOf(record.matchFields)) {
      const requirement = readRequirement(field);
      if (requirement && requirement.key === 'metadata.name') {
        requirements.push({ ...requirement, key: 'kubernetes.io/hostname' });
      }
    }
    terms.push(requirements);
  }
  return terms;
}
