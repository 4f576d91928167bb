/**
 * `call`: named functions, matched only where the syntax tree has a real call of a bare name. A comment, a string,
 * `my_strcpy`, `obj.strcpy()` or a declaration of `strcpy` is not a call of it.
 */
import { CallFunction, CallRule, LocalizedText } from '../rulebook/types';
import { CallFact } from '../syntax/facts';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';

interface FunctionSpec {
  readonly name: string;
  readonly qualified: boolean;
  readonly fn: CallFunction;
}

/** A printf/scanf format that reads a string without a width: `%s`, `%[…]`, `%ls` with no digits before them. */
function scansUnboundedString(format: string): boolean {
  return /%(?!%)[*]?(?:l|ll|h|hh)?(?:s|\[|S)/.test(format.replace(/%%/g, ''));
}

function conditionHolds(fn: CallFunction, call: CallFact): boolean {
  if (!fn.when) return true;
  const arg = call.args[fn.when.formatArg];
  if (!arg) return false;
  if (fn.when.format === 'non-literal') return arg.stringValue === undefined;
  return arg.stringValue === undefined || scansUnboundedString(arg.stringValue);
}

function text(value: LocalizedText | undefined): LocalizedText {
  return value ?? '';
}

export const callKind: RuleKind = {
  kind: 'call',
  compile(rule, { report }): Matcher | undefined {
    const callRule = rule as CallRule;
    const specs = new Map<string, FunctionSpec>();
    callRule.functions.forEach((entry, i) => {
      const fn: CallFunction = typeof entry === 'string' ? { name: entry } : entry;
      if (specs.has(fn.name)) report(['functions', i], `function ${fn.name} is listed twice`);
      specs.set(fn.name, { name: fn.name, qualified: /[.:]/.test(fn.name), fn });
    });
    const names = [...new Set([...specs.keys()].map((name) => name.split(/[.:]+/).pop()!))];
    // A call needs the name as a whole word followed by `(` (or `)` for `(gets)(b)`): "targets" or a prose
    // mention does not make a file worth parsing.
    const callShape = new RegExp(`\\b(?:${names.map((n) => n.replace(/[$]/g, '\\$&')).join('|')})\\s*[()]`);
    return {
      needsTree: true,
      prefilter: ({ text }) => callShape.test(text),
      match(doc: ScanDocument): RawMatch[] {
        const matches: RawMatch[] = [];
        for (const call of doc.calls()) {
          const spec = call.bare ? specs.get(call.name) : specs.get(call.callee);
          if (!spec || (spec.qualified ? call.callee !== spec.name : !call.bare)) continue;
          if (!conditionHolds(spec.fn, call)) continue;
          matches.push({
            start: call.nameStart,
            end: call.nameEnd,
            vars: { name: call.name, risk: text(spec.fn.risk), replacement: text(spec.fn.replacement) },
            cwe: spec.fn.cwe,
          });
        }
        return matches;
      },
    };
  },
};
