import type { ObjectId } from '../model/ids';
import type { NetworkPolicyObj, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import { readLabelSelector } from './labels';
import type { ObjectMeta } from './metadata';
import { readIntOrStringPort, readProtocol } from './ports';
import { asInteger, asRecord, asString, listOf, recordOf, stringList } from './read';

function readPeers(raw: unknown): NetworkPolicyPeer[] {
  return listOf(raw).flatMap((item) => {
    const record = recordOf(item);
    const podSelector = readLabelSelector(record.podSelector);
    const namespaceSelector = readLabelSelector(record.namespaceSelector);
    const ipBlock = asRecord(record.ipBlock);
    const cidr = asString(ipBlock?.cidr);
    const peer: NetworkPolicyPeer = {
      ...(podSelector ? { podSelector } : {}),
      ...(namespaceSelector ? { namespaceSelector } : {}),
      ...(cidr !== undefined ? { ipBlock: { cidr, except: stringList(ipBlock?.except) } } : {}),
    };
    return Object.keys(peer).length > 0 ? [peer] : [];
  });
}

function readPorts(raw: unknown): NetworkPolicyPort[] {
  return listOf(raw).map((item) => {
    const record = recordOf(item);
    const port = readIntOrStringPort(record.port);
    const endPort = asInteger(record.endPort);
    return {
      ...(port !== undefined ? { port } : {}),
      ...(endPort !== undefined ? { endPort } : {}),
      protocol: readProtocol(record.protocol),
    };
  });
}

function readRules(raw: unknown, peersField: 'from' | 'to'): NetworkPolicyRule[] {
  return listOf(raw).map((item) => {
    const record = recordOf(item);
    return { peers: readPeers(record[peersField]), ports: readPorts(record.ports) };
  });
}

/** Reads a NetworkPolicy; policyTypes default as the API server defaults them. */
export function readNetworkPolicy(doc: ParsedDocument, meta: ObjectMeta, id: ObjectId, name: string): NetworkPolicyObj {
  const spec = recordOf(doc.value.spec);
  const written = stringList(spec.policyTypes).filter(
    (t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress',
  );
  // Without policyTypes: Ingress always, Egress only when egress rules are present.
  const policyTypes: ('Ingress' | 'Egress')[] =
    written.length > 0 ? written : spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    id,
    role: 'networkPolicy',
    kind: 'NetworkPolicy',
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    source: doc.span,
    podSelector: readLabelSelector(spec.podSelector) ?? { matchLabels: {}, matchExpressions: [] },
    policyTypes,
    ingress: readRules(spec.ingress, 'from'),
    egress: readRules(spec.egress, 'to'),
  };
}
