import { readFileSync, statSync } from 'node:fs';
import { decodeBytes } from '../core/parse/encoding';
import type { SourceFile } from '../core/model/source';

/** The name standard input goes by in diagnostics. */
export const STDIN_NAME = '<stdin>';

/**
 * Reads the FILE arguments: `-` is standard input (once), a directory or a missing file is an
 * error that names its path, and bytes that are not UTF-8 are decoded as what they are (UTF-16,
 * Latin-1) with a note, or refused when they are not text at all.
 */
export function readInputs(
  paths: readonly string[],
  readStdin: () => Uint8Array = () => readFileSync(0),
): { files: SourceFile[]; notes: string[] } | { error: string } {
  const files: SourceFile[] = [];
  const notes: string[] = [];
  let stdinRead = false;
  for (const path of paths) {
    let bytes: Uint8Array;
    const name = path === '-' ? STDIN_NAME : path;
    try {
      if (path === '-') {
        if (stdinRead) return { error: '- (standard input) can be given once' };
        stdinRead = true;
        bytes = readStdin();
      } else {
        if (statSync(path).isDirectory()) {
          return { error: `${path} is a directory; give the files in it (e.g. ${path}/*.yaml)` };
        }
        bytes = readFileSync(path);
      }
    } catch (error) {
      return { error: `cannot read ${name}: ${describeError(error)}` };
    }
    const decoded = decodeBytes(bytes);
    if (decoded.encoding === 'binary') return { error: `${name} is not a text file (it holds binary bytes)` };
    if (decoded.encoding !== 'UTF-8')
      notes.push(`${name} is ${decoded.encoding}, not UTF-8; read as ${decoded.encoding}`);
    files.push({ name, text: decoded.text });
  }
  return { files, notes };
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
