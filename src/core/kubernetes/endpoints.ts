import type { ObjectId } from '../model/ids';
import type { EndpointsObj } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import type { ObjectMeta } from './metadata';
import { readPortNumber, readProtocol } from './ports';
import { asRecord, asString, listOf, recordOf } from './read';

/** The label that ties an EndpointSlice to its Service. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Reads an Endpoints or EndpointSlice: addresses (IPs, or the pods they name) and ports. */
export function readEndpoints(
  doc: ParsedDocument,
  meta: ObjectMeta,
  kind: 'Endpoints' | 'EndpointSlice',
  id: ObjectId,
  name: string,
): EndpointsObj {
  const addresses: EndpointsObj['addresses'] = [];
  const endpointPorts: EndpointsObj['endpointPorts'] = [];
  const addAddress = (ip: unknown, targetRef: unknown) => {
    const ref = asRecord(targetRef);
    const ipText = asString(ip);
    const pod = ref && (ref.kind === undefined || ref.kind === 'Pod') ? asString(ref.name) : undefined;
    if (ipText === undefined && pod === undefined) return;
    addresses.push({
      ...(ipText !== undefined ? { ip: ipText } : {}),
      ...(pod !== undefined ? { targetPod: pod } : {}),
    });
  };
  const addPorts = (raw: unknown) => {
    for (const item of listOf(raw)) {
      const record = recordOf(item);
      const port = readPortNumber(record.port);
      if (port === undefined) continue;
      const portName = asString(record.name);
      endpointPorts.push({ ...(portName ? { name: portName } : {}), port, protocol: readProtocol(record.protocol) });
    }
  };

  let serviceName = name;
  if (kind === 'Endpoints') {
    for (const subset of listOf(doc.value.subsets)) {
      const record = recordOf(subset);
      for (const address of listOf(record.addresses)) addAddress(recordOf(address).ip, recordOf(address).targetRef);
      addPorts(record.ports);
    }
  } else {
    serviceName = meta.labels[SERVICE_NAME_LABEL] ?? name;
    for (const endpoint of listOf(doc.value.endpoints)) {
      const record = recordOf(endpoint);
      const ips = listOf(record.addresses);
      if (ips.length === 0) addAddress(undefined, record.targetRef);
      for (const ip of ips) addAddress(ip, record.targetRef);
    }
    addPorts(doc.value.ports);
  }
  return {
    id,
    role: 'endpoints',
    kind,
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    source: doc.span,
    serviceName,
    addresses,
    endpointPorts,
  };
}
