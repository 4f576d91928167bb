/**
 * The status bar item with the number of findings in the workspace: every diagnostic whose source is the
 * server's, counted per document as VS Code reports changes (never by polling), so it also covers files that a
 * workspace scan reported without opening them. Problems in the rulebook file itself are counted apart.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, RULEBOOK_DIAGNOSTIC_SOURCE } from '@secure-coding/server/out/lsp/protocol';

interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly others: number;
  readonly rulebookProblems: number;
}

export type ServerState = 'starting' | 'running' | 'stopped';

/** What the item shows. */
interface Summary {
  readonly findings: Counts;
  /** Findings that need a reviewer's sign-off and have no approval that holds. */
  readonly pendingReviews: number;
  readonly server: ServerState;
  readonly restricted: boolean;
}

function countOf(diagnostics: readonly vscode.Diagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  let rulebookProblems = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source === RULEBOOK_DIAGNOSTIC_SOURCE) rulebookProblems++;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    else others++;
  }
  return { errors, warnings, others, rulebookProblems };
}

function findingsLabel(total: number): string {
  return total === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', total);
}

export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('secureCodingRulebook.findings', vscode.StatusBarAlignment.Left, 10);
  private readonly perDocument = new Map<string, Counts>();
  private readonly subscription: vscode.Disposable;
  private server: ServerState = 'starting';
  private pendingReviews = 0;

  constructor() {
    this.item.name = vscode.l10n.t('Secure Coding Rulebook findings');
    this.item.command = 'workbench.actions.view.problems';
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) this.recount(uri, diagnostics);
    this.subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) this.recount(uri, vscode.languages.getDiagnostics(uri));
      this.render();
    });
    this.render();
    this.item.show();
  }

  setServerState(state: ServerState): void {
    this.server = state;
    this.render();
  }

  setPendingReviews(count: number): void {
    if (count === this.pendingReviews) return;
    this.pendingReviews = count;
    this.render();
  }

  /** Re-renders when workspace trust changes, since the tooltip explains Restricted Mode. */
  refresh(): void {
    this.render();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private recount(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const counts = countOf(diagnostics);
    if (counts.errors + counts.warnings + counts.others + counts.rulebookProblems === 0) this.perDocument.delete(uri.toString());
    else this.perDocument.set(uri.toString(), counts);
  }

  private summary(): Summary {
    let errors = 0;
    let warnings = 0;
    let others = 0;
    let rulebookProblems = 0;
    for (const counts of this.perDocument.values()) {
      errors += counts.errors;
      warnings += counts.warnings;
      others += counts.others;
      rulebookProblems += counts.rulebookProblems;
    }
    return { findings: { errors, warnings, others, rulebookProblems }, pendingReviews: this.pendingReviews, server: this.server, restricted: !vscode.workspace.isTrusted };
  }

  private render(): void {
    const { findings, pendingReviews, server, restricted } = this.summary();
    const total = findings.errors + findings.warnings + findings.others;
    const icon = server === 'starting' ? '$(sync~spin)' : server === 'stopped' ? '$(error)' : '$(shield)';
    const parts = [`${icon} ${total}`];
    if (pendingReviews > 0) parts.push(`$(checklist) ${pendingReviews}`);
    if (findings.rulebookProblems > 0) parts.push(`$(warning) ${findings.rulebookProblems}`);
    this.item.text = parts.join(' ');
    const lines = [
      `**${vscode.l10n.t('Secure Coding Rulebook')}**`,
      server === 'stopped'
        ? vscode.l10n.t('The language server is not running. Run "Secure Coding: Restart Server" or see the output channel.')
        : vscode.l10n.t('{0}: {1} errors, {2} warnings, {3} other', findingsLabel(total), findings.errors, findings.warnings, findings.others),
    ];
    if (pendingReviews > 0) {
      lines.push(
        pendingReviews === 1 ? vscode.l10n.t("1 finding awaits a designated reviewer's sign-off: see the Security Review view.") : vscode.l10n.t("{0} findings await a designated reviewer's sign-off: see the Security Review view.", pendingReviews),
      );
    }
    if (findings.rulebookProblems > 0) {
      lines.push(vscode.l10n.t('The rulebook has {0} problems: see the Problems panel.', findings.rulebookProblems));
    }
    if (restricted) {
      lines.push(
        vscode.l10n.t(
          "Restricted Mode: the pattern rules of this workspace's own rulebook do not run until you trust the workspace, because a crafted pattern could make every scan slow. Built-in rules run.",
        ),
        `[${vscode.l10n.t('Manage Workspace Trust')}](command:workbench.trust.manage)`,
      );
    }
    lines.push(vscode.l10n.t('Click to open the Problems panel.'));
    const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    // The one command link above; nothing else in the tooltip can run a command.
    tooltip.isTrusted = { enabledCommands: ['workbench.trust.manage'] };
    this.item.tooltip = tooltip;
    const reviewsLabel = pendingReviews > 0 ? `, ${vscode.l10n.t('{0} awaiting review', pendingReviews)}` : '';
    this.item.accessibilityInformation = { label: `${vscode.l10n.t('Secure Coding Rulebook')}: ${findingsLabel(total)}${reviewsLabel}` };
    this.item.backgroundColor = server === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}
