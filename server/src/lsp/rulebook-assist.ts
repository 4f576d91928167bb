/**
 * Completion and hover inside the rulebook file itself: the engine works them out from the rulebook's JSON Schema
 * (`rulebookCompletions`, `rulebookHover`); this module only turns them into LSP and gives them the rule ids and
 * rule documentation of the rulebook in effect.
 */
import { CompletionItem, CompletionItemKind, Hover, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver';
import { AssistOptions, CompletionKind, Locale, Rulebook, localize, rulebookCompletions, rulebookHover } from '../engine';

const KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  rule: CompletionItemKind.Reference,
  language: CompletionItemKind.Value,
  kind: CompletionItemKind.TypeParameter,
};

const docsCache = new WeakMap<Rulebook, Map<Locale, Map<string, string>>>();

/** One short Markdown paragraph per rule (its message and rationale), made once per rulebook and language. */
function ruleDocs(rulebook: Rulebook, locale: Locale): Map<string, string> {
  let byLocale = docsCache.get(rulebook);
  if (!byLocale) {
    byLocale = new Map();
    docsCache.set(rulebook, byLocale);
  }
  let docs = byLocale.get(locale);
  if (!docs) {
    docs = new Map(rulebook.rules.map((r) => [r.rule.id, `${localize(r.rule.rationale, locale)} *(${r.rule.severity})*`]));
    byLocale.set(locale, docs);
  }
  return docs;
}

function options(rulebook: Rulebook, locale: Locale): AssistOptions {
  return { ruleIds: rulebook.rules.map((r) => r.rule.id), ruleDocs: ruleDocs(rulebook, locale), locale };
}

export function rulebookCompletionItems(text: string, position: Position, rulebook: Rulebook, locale: Locale): CompletionItem[] {
  return rulebookCompletions(text, position, options(rulebook, locale)).map((item) => ({
    label: item.label,
    kind: KINDS[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    textEdit: { range: item.range, newText: item.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}

export function rulebookHoverAt(text: string, position: Position, rulebook: Rulebook, locale: Locale): Hover | null {
  const hover = rulebookHover(text, position, options(rulebook, locale));
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
}
