/**
 * `setting`: a named setting given a literal value that opens the product — `NO_AUTH = true`,
 * `#define SKIP_LOGIN 1`, `app.run(debug=True)`, `DEBUG = True` in a Django settings module, `debug: true` or
 * `APP_DEBUG=true` in a config file, `os.getenv("DISABLE_AUTH", "true")` (a default that is on).
 * A setting only made inside a development-only branch (`if settings.DEBUG:`, `if env == "dev":`) is not flagged,
 * nor a function parameter's default or a comparison: they do not set anything.
 */
import { RuleRegex } from '../regex';
import { SettingRule } from '../rulebook/types';
import { LiteralFact, literalFacts } from '../syntax/literal-facts';
import { lastIdentifier } from '../syntax/tree-util';
import { NameContext } from '../syntax/facts';
import { Matcher, PrefilterInput, RawMatch, RuleKind, ScanDocument } from './kind';
import { anyKeyword, keywordRegex, wordInName } from './keyword-prefilters';
import { optionalRegex } from './rule-regex';
import { snakeCase } from './secret-values';
import { keywordLines } from './line-prefilter';
import { recordsObservedKeyword, setByItsOwnSetter } from './observed-flag';

const TRUTHY = '^(?:true|1|yes|on|enabled?)$';
const SETTING_CONTEXTS = new Set(['assign', 'declare', 'define', 'key']);

interface SettingTests {
  readonly names: RuleRegex;
  readonly values: RuleRegex;
  readonly callees?: RuleRegex;
  readonly fullNames?: RuleRegex;
  readonly topLevel: boolean;
  readonly setters: boolean;
}

/** Cheapest checks first: the value, then the name, and only then what needs the tree (call, scope, guards). */
/** `setDebuggable(true)`, `.danger_accept_invalid_certs(true)`: a setter's only argument sets the setter's name. */
function isSetterArgument(context: NameContext): boolean {
  return context.kind === 'argument' && context.arity === 1 && context.index === 0;
}

function isSetting(fact: LiteralFact, { names, values, callees, fullNames, topLevel, setters }: SettingTests): boolean {
  if (fact.interpolated || !values.test(fact.value.trim())) return false;
  const context = fact.context;
  if (!context || !(SETTING_CONTEXTS.has(context.kind) || (setters && isSetterArgument(context))) || !names.test(snakeCase(context.name))) return false;
  if (fullNames && !fullNames.test(context.fullName)) return false;
  // A settings module sets things by top-level assignment; a keyword argument there (`Engine(debug=True)`) is an
  // option of one object, not the module's setting.
  if (topLevel && (!fact.topLevel || context.kind === 'key' || (context.kind === 'declare' && fact.callee !== undefined))) return false;
  if (callees && (!fact.callee || !callees.test(lastIdentifier(fact.callee)))) return false;
  return !fact.developmentOnly;
}

export const settingKind: RuleKind = {
  kind: 'setting',
  compile(rule, { trusted, report }): Matcher | undefined {
    const setting = rule as SettingRule;
    const names = optionalRegex(setting.names, 'names', { trusted, report });
    const values = optionalRegex(setting.values ?? TRUTHY, 'values', { trusted, report });
    const callees = optionalRegex(setting.callees, 'callees', { trusted, report });
    const fullNames = optionalRegex(setting.full_names, 'full_names', { trusted, report });
    if (!names || !values || (setting.callees !== undefined && !callees) || (setting.full_names !== undefined && !fullNames)) return undefined;
    const keywords = (setting.keywords ?? []).map((k) => k.toLowerCase());
    const tests: SettingTests = { names, values, callees, fullNames, topLevel: setting.top_level ?? false, setters: setting.setters ?? false };
    const keyword = keywordRegex(keywords, 'g');
    const hasKeyword = anyKeyword(keywords);
    const prefilter = ({ text, lower }: PrefilterInput): boolean =>
      keyword === undefined || (hasKeyword(lower) && wordInName(text, lower, keyword, (name) => names.test(name)));
    return {
      needsTree: true,
      prefilter,
      linePrefilter: keywordLines(keywords, prefilter),
      // The keyword is in the setting's name; its value is on that line or, wrapped, the next.
      stringReach: keywords.length > 0 ? 1 : undefined,
      match(doc: ScanDocument): RawMatch[] {
        return literalFacts(doc)
          .filter((fact) => isSetting(fact, tests))
          // Inside a function, a flag set when input matched its own name records what a peer advertised or a user
          // asked for (`login_disabled = TRUE` after the LOGINDISABLED capability): state, not a switch in the code.
          // A flag set by the function named for it (`withoutAuthentication()` sets `withoutAuth`) is the facility.
          .filter((fact) => fact.topLevel || !(recordsObservedKeyword(doc, fact.start, fact.end, fact.context!.name) || setByItsOwnSetter(doc, fact.start, fact.end, fact.context!.name)))
          .map((fact) => ({ start: fact.start, end: fact.end, vars: { name: fact.context!.fullName.slice(0, 60), value: fact.value.slice(0, 20) } }));
      },
    };
  },
};
