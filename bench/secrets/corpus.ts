/**
 * Writes the labelled corpus: every template in several copies with fresh fake values, plus `labels.json`.
 * Generated on demand (a fixed seed makes it identical every time) and kept out of git (`.bench/`).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Label, LabelBuilder } from './labels';
import { Random, makers, privateKeys } from './random';
import { GENERIC_TEMPLATES } from './generic-templates';
import { IP_TEMPLATES, TEMPLATES } from './templates';

export const LABELS_FILE = 'labels.json';

export async function writeCorpus(dir: string, copies = 3, seed = 20240611): Promise<Label[]> {
  await fs.rm(dir, { recursive: true, force: true });
  const random = new Random(seed);
  const m = makers(random);
  const labels: Label[] = [];
  for (const template of [...TEMPLATES, ...GENERIC_TEMPLATES, ...IP_TEMPLATES]) {
    for (let n = 1; n <= copies; n++) {
      const b = new LabelBuilder();
      const file = template.path(n);
      const text = template.render({ b, m, keys: privateKeys(), n });
      labels.push(...b.locate(file, text));
      await fs.mkdir(path.join(dir, path.dirname(file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), text);
    }
  }
  await fs.writeFile(path.join(dir, LABELS_FILE), JSON.stringify(labels, null, 1));
  return labels;
}
