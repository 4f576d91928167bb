/**
 * The registry of rule kinds. A new kind of matcher is a new module here; a new rule of an existing kind is data.
 */
import { callKind } from './call-kind';
import { ipKind } from './ip-kind';
import { RuleKind } from './kind';
import { patternKind } from './pattern-kind';
import { secretKind } from './secret-kind';
import { suppressionKind } from './suppression-kind';

const KINDS = new Map<string, RuleKind>();

export function registerKind(kind: RuleKind): void {
  KINDS.set(kind.kind, kind);
}

export function kindFor(name: string): RuleKind | undefined {
  return KINDS.get(name);
}

export function kindNames(): string[] {
  return [...KINDS.keys()];
}

for (const kind of [callKind, secretKind, ipKind, patternKind, suppressionKind]) registerKind(kind);
