/**
 * Completion and hover inside rulebook files: the engine's schema assistance (keys valid at the cursor, values,
 * rule ids, language and kind names, from the JSON Schema the loader validates with) translated to LSP. The rule
 * ids offered are those of the rulebook in effect, each documented with its severity, message and rationale.
 */
import * as path from 'path';
import { CompletionItem, CompletionItemKind, Hover, MarkupKind, Position } from 'vscode-languageserver';
import { AssistOptions, CompletionItem as AssistItem, Locale, RULEBOOK_RELATIVE_PATH, Rulebook, localize, rulebookCompletions, rulebookHover } from '../engine';

const ITEM_KINDS: Readonly<Record<AssistItem['kind'], CompletionItemKind>> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  rule: CompletionItemKind.Reference,
  language: CompletionItemKind.EnumMember,
  kind: CompletionItemKind.EnumMember,
};

/** `.secure-coding/rulebook.yaml` by name; other rulebook files (extended ones, rule files) by being loaded. */
export function isRulebookPath(file: string): boolean {
  return file.split(path.sep).join('/').endsWith(`/${RULEBOOK_RELATIVE_PATH}`);
}

function options(rulebook: Rulebook | undefined, locale: Locale): AssistOptions {
  return {
    locale,
    ruleIds: rulebook?.rules.map((r) => r.rule.id),
    ruleDoc: (id) => {
      const rule = rulebook?.rule(id)?.rule;
      if (!rule) return undefined;
      const rationale = localize(rule.rationale, locale);
      return [`\`${rule.kind}\` · ${rule.severity} — ${localize(rule.message, locale)}`, rationale].filter(Boolean).join('\n\n');
    },
  };
}

export function rulebookFileCompletion(text: string, position: Position, rulebook: Rulebook | undefined, locale: Locale): CompletionItem[] {
  return rulebookCompletions(text, position, options(rulebook, locale)).map((item, i) => ({
    label: item.label,
    kind: ITEM_KINDS[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    textEdit: { range: item.range, newText: item.insertText },
    // The schema's order (id, kind, severity…) is the order a rule is written in.
    sortText: String(i).padStart(4, '0'),
  }));
}

export function rulebookFileHover(text: string, position: Position, rulebook: Rulebook | undefined, locale: Locale): Hover | null {
  const hover = rulebookHover(text, position, options(rulebook, locale));
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
}
