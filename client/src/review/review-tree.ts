/**
 * The Security Review view: groups (awaiting sign-off, expiring soon, approved), then files, then findings; a
 * finding opens its file at the line. Refreshed whenever the server sends new review items.
 */
import * as vscode from 'vscode';
import type { ReviewItem, ReviewTarget } from '@secure-coding/server/out/lsp/protocol';
import { ReviewFile, ReviewGroup, ReviewGroupKind, ReviewModel } from './review-model';

export type ReviewNode =
  | { readonly type: 'group'; readonly group: ReviewGroup }
  | { readonly type: 'file'; readonly kind: ReviewGroupKind; readonly file: ReviewFile }
  | { readonly type: 'finding'; readonly uri: string; readonly item: ReviewItem };

/** The review target of a finding node (the context menu's approve and revoke commands receive the node). */
export function targetOf(node: Extract<ReviewNode, { type: 'finding' }>): ReviewTarget {
  return { uri: node.uri, ruleId: node.item.ruleId, line: node.item.range.start.line, fingerprint: node.item.fingerprint };
}

function groupLabel(kind: ReviewGroupKind, count: number): string {
  switch (kind) {
    case 'pending':
      return vscode.l10n.t('Awaiting sign-off ({0})', count);
    case 'expiring':
      return vscode.l10n.t('Approval expires within 30 days ({0})', count);
    case 'approved':
      return vscode.l10n.t('Approved ({0})', count);
  }
}

const GROUP_ICONS: Record<ReviewGroupKind, string> = { pending: 'circle-large-outline', expiring: 'history', approved: 'pass' };

function findingItem(uri: string, item: ReviewItem): vscode.TreeItem {
  const line = item.range.start.line + 1;
  const tree = new vscode.TreeItem(`${line}: ${item.ruleId}`, vscode.TreeItemCollapsibleState.None);
  const until = item.expires ? item.expires.slice(0, 10) : undefined;
  tree.description = item.state === 'approved' && item.reviewer ? (until ? vscode.l10n.t('{0}, until {1}', item.reviewer, until) : item.reviewer) : item.stateLabel;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(item.message);
  if (item.detail) tooltip.appendMarkdown('\n\n').appendText(item.detail);
  if (item.suppressed) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Suppressed inline: hidden in the editor, still needs a sign-off.'));
  tree.tooltip = tooltip;
  tree.iconPath = new vscode.ThemeIcon(item.state === 'approved' ? 'pass' : item.state === 'pending' ? 'circle-large-outline' : 'warning');
  // Approve and revoke in the context menu follow what the server would offer.
  tree.contextValue = item.state === 'approved' ? 'reviewFinding.approved' : item.state === 'pending' ? 'reviewFinding.pending' : 'reviewFinding.lapsed';
  const start = new vscode.Position(item.range.start.line, item.range.start.character);
  const end = new vscode.Position(item.range.end.line, item.range.end.character);
  tree.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [vscode.Uri.parse(uri), { selection: new vscode.Range(start, end) } satisfies vscode.TextDocumentShowOptions] };
  return tree;
}

export class ReviewTreeProvider implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ReviewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly model: ReviewModel) {
    this.subscription = model.onDidChange(() => this.emitter.fire(undefined));
  }

  getChildren(node?: ReviewNode): ReviewNode[] {
    if (!node) return this.model.groups().map((group) => ({ type: 'group', group }));
    if (node.type === 'group') return node.group.files.map((file) => ({ type: 'file', kind: node.group.kind, file }));
    if (node.type === 'file') return node.file.items.map((item) => ({ type: 'finding', uri: node.file.uri, item }));
    return [];
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(groupLabel(node.group.kind, node.group.count), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group.kind]);
      item.id = `group:${node.group.kind}`;
      return item;
    }
    if (node.type === 'file') {
      const uri = vscode.Uri.parse(node.file.uri);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      // The name is the label; the folder tells apart files of the same name.
      const folder = vscode.workspace.asRelativePath(uri, false).split('/').slice(0, -1).join('/');
      item.description = folder || undefined;
      item.id = `file:${node.kind}:${node.file.uri}`;
      return item;
    }
    return findingItem(node.uri, node.item);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
