/**
 * The trimmed schemas of one Kubernetes version, as `src/cli/generateKubeSchemas.ts` writes them: which kinds each
 * group/version serves, and every object type reachable from them.
 */

/**
 * A field's type: `s` string, `i` integer, `n` number, `b` boolean, `x` int-or-string, `a` anything,
 * `[]T` a list of T, `{}T` a map of T, or the name of an object type.
 */
export type TypeCode = string;

type ObjectType = {
  /** fields by JSON name */
  f: Record<string, TypeCode>;
  /** required fields */
  r?: string[];
};

export type KubeSchemaData = {
  /** `1.34` */
  version: string;
  /** group/version (`apps/v1`, `v1`) → kind → object type */
  kinds: Record<string, Record<string, string>>;
  types: Record<string, ObjectType>;
};
