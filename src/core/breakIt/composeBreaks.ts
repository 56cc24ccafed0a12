import type { SourceFile } from '../model/source';
import type { ComposeContainerObj } from '../model/topology';
import type { Breakage } from './types';
import { nodeAt, sourceDocument, withEdits } from './fileEdits';
import { itemIndexAt, removeItem } from './yamlEdit';

/** Takes published port `portIndex` of a Compose service off the host (its `ports:` entry goes). */
export function unpublishedPort(
  files: readonly SourceFile[],
  container: ComposeContainerObj,
  portIndex: number,
): Breakage | undefined {
  const port = container.published[portIndex];
  // The entry's own file: a service may be merged from an override file.
  const source = sourceDocument(files, port?.span ?? container.source);
  const service = source && nodeAt(source.doc, ['services', container.service]);
  if (!port || !source || !service) return undefined;
  const found = port.span
    ? itemIndexAt(nodeAt(source.doc, ['services', container.service, 'ports']), port.span.start.offset)
    : -1;
  const changed = withEdits(files, source.file.name, [
    removeItem(source.file.text, service, 'ports', found === -1 ? portIndex : found),
  ]);
  if (!changed) return undefined;
  const published = port.published === undefined ? `port ${port.target}` : `host port ${port.published}`;
  return {
    id: 'unpublished-port',
    label: 'Unpublished port',
    change: `${container.service}: ${published} is no longer published`,
    files: changed,
  };
}
