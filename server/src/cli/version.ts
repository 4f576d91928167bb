/** The CLI's version, read from the server package's manifest. */
import { readFileSync } from 'fs';
import * as path from 'path';

export function toolVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
