/**
 * `call`: named functions, matched only where the syntax tree has a real call of a bare name. A comment, a string,
 * `my_strcpy`, `obj.strcpy()` or a declaration of `strcpy` is not a call of it. A qualified name in the rule
 * (`os.system`, `child_process.exec`) matches that callee as written.
 */
import { CallFunction, CallRule, LocalizedText } from '../rulebook/types';
import { MacroDefinition } from '../syntax/c-declarations';
import { CallFact } from '../syntax/facts';
import { ConditionVerdict, conditionVerdict } from './call-conditions';
import { wrappersOf } from './call-wrappers';
import { boundNote } from './copy-bounds';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { anyKeyword } from './keyword-prefilters';
import { keywordsKnown } from './keyword-index';

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

/**
 * The macros a call went through, by the line of their `#define` (`called`: the name at the call site, for a macro
 * that only names the function, `#define fast_copy memcpy`).
 */
function routeNote(called: string, via: readonly MacroDefinition[]): LocalizedText {
  const chain = via.length === 0 ? `\`${called}\`` : via.map((m) => `\`${m.name}\` (line ${m.line})`).join(' → ');
  return { en: `Called through the macro ${chain}.`, ja: `マクロ ${chain} を経由した呼び出しです。` };
}

/** Whether the text has a `#define` directive as the grammar reads one (`#`, blanks, `define`). */
function hasDefine(text: string): boolean {
  // `indexOf` skips ahead far faster than a regex that starts with `#` and blanks.
  for (let at = text.indexOf('define'); at >= 0; at = text.indexOf('define', at + 6)) {
    let before = at - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    if (before >= 0 && text[before] === '#' && !/\w/.test(text[at + 6] ?? '')) return true;
  }
  return false;
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
    // Plain names a macro can wrap (a qualified name is a member or namespace, never the expansion of a C macro).
    const wrappable = [...specs.values()].filter((s) => !s.qualified).map((s) => s.fn.name);
    const wrappableSet = new Set(wrappable);
    return {
      needsTree: true,
      // A file that calls a wrapper macro defines it too (wrappers are read from the file itself): it names the function.
      // A call shape holds a name, so the keyword check only rules a file out faster: it is asked when the shared
      // keyword pass has read the text anyway, never for it alone (an edited document's prefilters are decided line
      // by line, and one pass over the whole text for this check would cost more than the call shape's search).
      prefilter: ({ text, lower }) => (!keywordsKnown(lower) || mentionsName(lower)) && callShape.test(text),
      // A call's name and its `(` may sit on two lines; the name as a whole word is on one of them.
      linePrefilter: {
        check: ({ text }) => nameWord.test(text),
        exact: false,
      },
      match(doc: ScanDocument): RawMatch[] {
        const matches: RawMatch[] = [];
        const calls = doc.calls();
        // In a C source file (not a header, whose static functions every includer calls) a static function's calls
        // are all in sight: a copy through its parameters is judged at them.
        const ownCalls = doc.languageId === 'c' && /\.c$/i.test(doc.path) ? calls : undefined;
        const copy = doc.tree ? { tree: doc.tree, text: doc.text, index: doc.index, headers: doc.headers, calls: ownCalls } : undefined;
        const cLike = doc.languageId === 'c' || doc.languageId === 'cpp';
        // Wrappers are `#define`d (the grammar reads a directive only as `#`, blanks, `define`): a file without one
        // has none, and its declarations are not read for them.
        const wrappers = doc.tree && cLike && wrappable.length > 0 && hasDefine(doc.text) ? wrappersOf(doc.tree, doc.text, calls) : undefined;
        /** Calls in the bodies of the file's function-like macros, kept back until we know whether the macro is used. */
        const inBodies: { call: CallFact; spec: FunctionSpec; owner: MacroDefinition }[] = [];
        const used = new Set<string>();
        const push = (call: CallFact, spec: FunctionSpec, verdict: ConditionVerdict, via?: readonly MacroDefinition[]): void => {
          if (!verdict.risky) return;
          const vars = { name: spec.fn.name === call.name || !via ? call.name : spec.fn.name, risk: text(spec.fn.risk), replacement: text(spec.fn.replacement) };
          // The common case, a plain call with nothing to add, without the spreads below (a file may have thousands).
          if (!via && !verdict.bound) {
            matches.push({ start: call.nameStart, end: call.nameEnd, vars, cwe: spec.fn.cwe });
            return;
          }
          const evidence = [...(via ? (via.length > 0 ? via.map((m) => `wrapper:${m.name}`) : [`wrapper:${call.name}`]) : []), ...(verdict.bound ? [`bound:${verdict.bound.reason}`] : [])];
          matches.push({
            start: call.nameStart,
            end: call.nameEnd,
            vars,
            cwe: spec.fn.cwe,
            ...(via ? { note: routeNote(call.name, via) } : {}),
            ...(verdict.bound ? { informational: boundNote(verdict.bound) } : {}),
            ...(evidence.length > 0 ? { evidence } : {}),
          });
        };
        for (const call of calls) {
          const spec = call.bare ? specs.get(call.name) : specs.get(call.callee);
          const owner = wrappers && call.inMacro ? wrappers.bodyOwner(call.nameStart) : undefined;
          if (owner) {
            // A call in a function-like macro's body is made where the macro is used.
            if (spec && !spec.qualified) inBodies.push({ call, spec, owner });
            continue;
          }
          if (spec && (spec.qualified ? call.callee === spec.fn.name : call.bare)) {
            push(call, spec, conditionVerdict(spec.fn.when, call, { text: doc.text, copy: call.inMacro ? undefined : copy }));
            continue;
          }
          if (!wrappers || !call.bare || spec || !wrappers.isMacro(call.name)) continue;
          for (const wrapped of wrappers.expand(call.name, wrappers.argumentsOf(call), wrappableSet)) {
            for (const m of wrapped.via) used.add(m.name);
            const wrappedSpec = specs.get(wrapped.function)!;
            push(call, wrappedSpec, conditionVerdict(wrappedSpec.fn.when, call, { text: doc.text, copy: call.inMacro ? undefined : copy }, wrapped.args), wrapped.via);
          }
        }
        // A macro the file never uses (a header's, for other files): its body is all the file shows of the call.
        for (const { call, spec, owner } of inBodies) {
          if (!used.has(owner.name)) push(call, spec, conditionVerdict(spec.fn.when, call, { text: doc.text }));
        }
        return matches;
      },
    };
  },
};
