/**
 * `call`: named functions, matched only where the syntax tree has a real call of a bare name. A comment, a string,
 * `my_strcpy`, `obj.strcpy()` or a declaration of `strcpy` is not a call of it. A qualified name in the rule
 * (`os.system`, `child_process.exec`) matches that callee as written.
 */
import { CallFunction, CallRule, LocalizedText } from '../rulebook/types';
import { conditionHolds } from './call-conditions';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { anyKeyword } from './keyword-prefilters';

interface FunctionSpec {
  readonly qualified: boolean;
  readonly fn: CallFunction;
}

function text(value: LocalizedText | undefined): LocalizedText {
  return value ?? '';
}

/**
 * A call needs one of the names as a whole word followed by `(` (or `)` for `(gets)(b)`): "targets" or a prose
 * mention does not make a file worth parsing.
 */
function callShapePattern(names: readonly string[]): RegExp {
  const words = [...new Set(names.map((name) => name.split(/[.:]+/).pop()!))];
  return new RegExp(`\\b(?:${words.join('|')})\\s*[()]`);
}

/** Any of the names as a whole word: on one line of every text `callShapePattern` matches (the `(` may be on the next). */
function nameWordPattern(names: readonly string[]): RegExp {
  const words = [...new Set(names.map((name) => name.split(/[.:]+/).pop()!))];
  return new RegExp(`\\b(?:${words.join('|')})(?![\\w$])`);
}

export const callKind: RuleKind = {
  kind: 'call',
  compile(rule, { report }): Matcher | undefined {
    const callRule = rule as CallRule;
    const specs = new Map<string, FunctionSpec>();
    callRule.functions.forEach((entry, i) => {
      const fn: CallFunction = typeof entry === 'string' ? { name: entry } : entry;
      if (specs.has(fn.name)) report(['functions', i], `function ${fn.name} is listed twice`);
      specs.set(fn.name, { qualified: /[.:]/.test(fn.name), fn });
    });
    if (specs.size === 0) return undefined;
    const callShape = callShapePattern([...specs.keys()]);
    const nameWord = nameWordPattern([...specs.keys()]);
    // Case-insensitive, so a superset of the call shape's texts: the shared keyword pass rules most files out first.
    const mentionsName = anyKeyword([...new Set([...specs.keys()].map((name) => name.split(/[.:]+/).pop()!.toLowerCase()))]);
    return {
      needsTree: true,
      prefilter: ({ text, lower }) => mentionsName(lower) && callShape.test(text),
      // A call's name and its `(` may sit on two lines; the name as a whole word is on one of them.
      linePrefilter: { check: ({ text }) => nameWord.test(text), exact: false },
      match(doc: ScanDocument): RawMatch[] {
        const matches: RawMatch[] = [];
        for (const call of doc.calls()) {
          const spec = call.bare ? specs.get(call.name) : specs.get(call.callee);
          if (!spec || (spec.qualified ? call.callee !== spec.fn.name : !call.bare)) continue;
          if (!conditionHolds(spec.fn.when, call, doc.text)) continue;
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
