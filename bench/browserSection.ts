/** The browser's rows (filled in when the browser measures land). */
import type { Row } from './measure';

export async function benchBrowser(log: (line: string) => void): Promise<Row[]> {
  log('browser: not measured yet');
  return [];
}
