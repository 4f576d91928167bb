/**
 * The registry of rule kinds. A new kind of matcher is a new module here; a new rule of an existing kind is data.
 */
import { accountKind } from './account-kind';
import { authBypassKind } from './auth-bypass-kind';
import { callKind } from './call-kind';
import { credentialCheckKind } from './credential-check-kind';
import { importKind } from './import-kind';
import { ipKind } from './ip-kind';
import { RuleKind } from './kind';
import { openPortKind } from './open-port-kind';
import { patternKind } from './pattern-kind';
import { routeKind } from './route-kind';
import { secretKind } from './secret-kind';
import { settingKind } from './setting-kind';
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

for (const kind of [callKind, secretKind, ipKind, patternKind, suppressionKind, openPortKind]) registerKind(kind);
// Test accounts, backdoors and debug leftovers (guide item 8).
for (const kind of [accountKind, credentialCheckKind, authBypassKind, settingKind, routeKind, importKind]) registerKind(kind);
