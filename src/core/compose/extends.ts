import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import { mergeInto, newLocated } from './mergeFields';
import { fieldSpan, type Located } from './project';

/**
 * Resolves `extends` within the project: the service starts from a copy of the one it extends
 * and its own fields are merged on top (the merge rules of 13-merge.md). `extends.file` points
 * at a file Portolan cannot read; it is reported and skipped.
 */
export function resolveExtends(services: Map<string, Located>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  const resolve = (name: string, trail: string[]): void => {
    if (done.has(name)) return;
    const service = services.get(name)!;
    const ext = service.value.extends;
    if (ext === undefined) {
      done.add(name);
      return;
    }
    const baseName = typeof ext === 'string' ? ext : String((ext as Record<string, unknown>)?.service ?? '');
    const file = typeof ext === 'object' && ext ? (ext as Record<string, unknown>).file : undefined;
    const span = fieldSpan(service, 'extends');
    done.add(name);
    if (file !== undefined) {
      diagnostics.push(
        diagnosticAt(
          span,
          'warning',
          'COMPOSE-EXTENDS-FILE',
          `Service ${name} extends ${baseName} from ${String(file)}, a file Portolan does not read; paste that file's service into this workspace to see it.`,
        ),
      );
      return;
    }
    const base = services.get(baseName);
    if (!base || trail.includes(baseName)) {
      diagnostics.push(
        diagnosticAt(
          span,
          'error',
          'COMPOSE-EXTENDS-UNKNOWN',
          base
            ? `Service ${name} extends ${baseName}, which extends ${name} again: a cycle.`
            : `Service ${name} extends ${baseName}, and no service of that name is in these files.`,
        ),
      );
      return;
    }
    resolve(baseName, [...trail, name]);
    const merged = newLocated(name, service.origin);
    for (const [field, value] of Object.entries(base.value)) {
      const origin = base.fields.get(field) ?? base.origin;
      mergeInto(merged, { [field]: structuredClone(value) }, { doc: origin.doc, path: origin.path.slice(0, -1) });
    }
    for (const [field, value] of Object.entries(service.value)) {
      if (field === 'extends') continue;
      const origin = service.fields.get(field) ?? service.origin;
      mergeInto(merged, { [field]: value }, { doc: origin.doc, path: origin.path.slice(0, -1) });
    }
    service.value = merged.value;
    service.fields = merged.fields;
    service.entries = merged.entries;
  };
  for (const name of services.keys()) resolve(name, []);
  return diagnostics;
}
