/**
 * The few fields of gitleaks' rule list the provider bench needs (id, regex, secret group, keywords), read from its
 * TOML without a TOML library: each rule starts at `[[rules]]`, and the fields are top-level lines of that block.
 */
export interface GitleaksRule {
  readonly id: string;
  readonly regex: string | undefined;
  readonly secretGroup: number | undefined;
  readonly keywords: readonly string[];
}

function stringValue(block: string, key: string): string | undefined {
  const triple = new RegExp(`^${key} = '''([\\s\\S]*?)'''`, 'm').exec(block);
  if (triple) return triple[1];
  const quoted = new RegExp(`^${key} = "((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(block);
  return quoted ? quoted[1].replace(/\\(.)/g, '$1') : undefined;
}

export function readGitleaksRules(toml: string): GitleaksRule[] {
  return toml
    .split(/^\[\[rules\]\]\s*$/m)
    .slice(1)
    .map((raw) => {
      // Fields after the rule's own sub-tables (allowlists) belong to those tables.
      const block = raw.split(/^\[\[rules\.[\w.]+\]\]\s*$/m)[0];
      const group = /^secretGroup = (\d+)/m.exec(block);
      const keywords = /^keywords = \[([\s\S]*?)\]/m.exec(block);
      return {
        id: stringValue(block, 'id') ?? '?',
        regex: stringValue(block, 'regex'),
        secretGroup: group ? Number(group[1]) : undefined,
        keywords: keywords ? [...keywords[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]) : [],
      };
    });
}
