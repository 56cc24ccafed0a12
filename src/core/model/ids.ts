/** A stable id of one object in a Topology, e.g. `k8s:Service/default/web` or `pod:default/web-7d9c8b6f4-x2kq9`. */
export type ObjectId = string & { readonly __brand: 'ObjectId' };

/** Brands a string as an ObjectId; the one place ids are minted. */
export function objectId(raw: string): ObjectId {
  return raw as ObjectId;
}

/** The id of a Kubernetes object as written in the files: kind, namespace and name. */
export function k8sObjectId(kind: string, namespace: string | undefined, name: string): ObjectId {
  return objectId(namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`);
}
