/**
 * `open-port`: a firewall rule in infrastructure code that admits anyone on the Internet to one of the rule's ports
 * (SSH, RDP…). It reads HCL blocks: AWS security groups (`ingress { from_port to_port cidr_blocks }`,
 * `aws_security_group_rule` with `type = "ingress"`, `aws_vpc_security_group_ingress_rule`), Azure network security
 * rules (`destination_port_range(s)`, `source_address_prefix(es)`, `direction`, `access`) and Google firewalls
 * (`allow { ports }` with the resource's `source_ranges`). Port ranges count when they cover a port: `0`–`65535`,
 * protocol `-1`/`all`, `"*"` and a firewall `allow` without ports all do.
 */
import { OpenPortRule } from '../rulebook/types';
import { HclBlock, HclLiteral, hclBlocks, hclLiterals } from '../syntax/hcl-blocks';
import { Matcher, PrefilterInput, RawMatch, RuleKind, ScanDocument } from './kind';
import { exactOnEachLine } from './line-prefilter';

const DEFAULT_SOURCES = ['0.0.0.0/0', '::/0', '*', 'Internet', 'Any'];

/** Attributes that hold a rule's source addresses. */
const SOURCE_ATTRIBUTES = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6', 'source_ranges', 'source_address_prefix', 'source_address_prefixes', 'source_cidr_blocks'];
/** Attributes that hold single ports or ranges written as text (`"22"`, `"1000-2000"`, `"*"`). */
const PORT_ATTRIBUTES = ['port', 'ports', 'destination_port_range', 'destination_port_ranges'];
const ALL_PROTOCOLS = /^(?:-1|all)$/i;

interface PortRange {
  readonly from: number;
  readonly to: number;
}

function attribute(block: HclBlock, name: string): HclLiteral[] | undefined {
  const expression = block.attributes.get(name);
  return expression ? hclLiterals(expression) : undefined;
}

function textOf(block: HclBlock, name: string): string | undefined {
  return attribute(block, name)?.[0]?.text.toLowerCase();
}

/** The port ranges a rule block opens, or undefined when it says nothing about ports. */
function portRanges(block: HclBlock): PortRange[] | undefined {
  const from = attribute(block, 'from_port')?.[0];
  const to = attribute(block, 'to_port')?.[0];
  if (from && to) {
    const low = Number(from.text);
    const high = Number(to.text);
    if (!Number.isFinite(low) || !Number.isFinite(high)) return undefined;
    // AWS: protocol "-1" opens every port whatever the numbers say.
    if (ALL_PROTOCOLS.test(textOf(block, 'protocol') ?? textOf(block, 'ip_protocol') ?? '')) return [{ from: 0, to: 65535 }];
    return [{ from: Math.min(low, high), to: Math.max(low, high) }];
  }
  const ranges: PortRange[] = [];
  let written = false;
  for (const name of PORT_ATTRIBUTES) {
    const values = attribute(block, name);
    if (!values) continue;
    written = true;
    for (const value of values) {
      const text = value.text.trim();
      if (text === '*') ranges.push({ from: 0, to: 65535 });
      const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
      if (m) ranges.push({ from: Number(m[1]), to: Number(m[2] ?? m[1]) });
    }
  }
  if (written) return ranges;
  // Google: an `allow { protocol = "tcp" }` without ports allows every port of the protocol.
  if (block.type === 'allow' && block.attributes.has('protocol')) return [{ from: 0, to: 65535 }];
  return undefined;
}

/** A block that only lets traffic out, or denies it. */
function isEgressOrDeny(block: HclBlock): boolean {
  if (block.type === 'egress' || block.type === 'deny') return true;
  const direction = textOf(block, 'type') ?? textOf(block, 'direction') ?? '';
  const resource = block.type === 'resource' ? (block.labels[0] ?? '') : '';
  return /^(?:egress|outbound)$/.test(direction) || /^deny$/.test(textOf(block, 'access') ?? '') || /egress/.test(resource);
}

/** The source addresses of a rule block: its own, or (for a Google `allow` block) its resource's. */
function sources(block: HclBlock): HclLiteral[] {
  const own = SOURCE_ATTRIBUTES.flatMap((name) => attribute(block, name) ?? []);
  if (own.length > 0 || !block.parent) return own;
  return SOURCE_ATTRIBUTES.flatMap((name) => attribute(block.parent!, name) ?? []);
}

export const openPortKind: RuleKind = {
  kind: 'open-port',
  compile(rule, { report }): Matcher | undefined {
    const openPort = rule as OpenPortRule;
    const ports = [...new Set(openPort.ports)].sort((a, b) => a - b);
    if (ports.length === 0) {
      report(['ports'], 'list at least one port');
      return undefined;
    }
    const world = new Set((openPort.sources ?? DEFAULT_SOURCES).map((s) => s.toLowerCase()));
    const quoted = [...world].map((s) => `"${s}"`);
    // A file can hold such a rule only if it writes one of the world's sources in quotes.
    const prefilter = ({ lower }: PrefilterInput): boolean => quoted.some((s) => lower.includes(s));
    return {
      needsTree: true,
      prefilter,
      linePrefilter: exactOnEachLine(prefilter),
      match(doc: ScanDocument): RawMatch[] {
        if (!doc.tree) return [];
        const matches: RawMatch[] = [];
        for (const block of hclBlocks(doc.tree)) {
          if (isEgressOrDeny(block) || (block.parent && isEgressOrDeny(block.parent))) continue;
          const ranges = portRanges(block);
          if (!ranges || ranges.length === 0) continue;
          const open = ports.filter((port) => ranges.some((r) => r.from <= port && port <= r.to));
          if (open.length === 0) continue;
          const source = sources(block).find((s) => world.has(s.text.trim().toLowerCase()));
          if (!source) continue;
          const resource = block.type === 'resource' ? block.labels.join('.') : block.parent?.type === 'resource' ? `${block.parent.labels.join('.')} ${block.type}` : block.type;
          matches.push({ start: source.start, end: source.end, vars: { name: resource.slice(0, 80), value: open.slice(0, 6).join(', '), key: source.text.slice(0, 40) } });
        }
        return matches;
      },
    };
  },
};
