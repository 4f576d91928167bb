/**
 * Which rulebook applies where, and what the rulebook files themselves show. A document's rulebook is its workspace
 * folder's `rulebookPath` setting (a file outside every folder looks for `.secure-coding/rulebook.yaml` above it);
 * rulebook files are read through the open documents, so an edit applies before it is saved. Problems go to the
 * rulebook files as diagnostics; an untrusted workspace is told once which of its rules do not run.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { FileReader, Locale, RulebookProblem, UNTRUSTED_RULE_NOTE, diskReader } from '../engine';
import { findRulebook } from '../cli/locate-rulebook';
import { problemDiagnostic } from './diagnostics';
import { OpenDocuments } from './documents';
import { RULEBOOK_DIAGNOSTIC_SOURCE, Settings } from './protocol';
import { RulebookCache, RulebookKey, RulebookState } from './rulebooks';
import { text } from './texts';
import { WorkspaceFolders, pathToUri } from './uris';

export interface RulebookServiceEnvironment {
  readonly documents: OpenDocuments;
  readonly folders: WorkspaceFolders;
  trusted(): boolean;
  locale(): Locale;
  /** Replaces the rulebook diagnostics of one file (an empty list clears them). */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  urisWithProblems(): readonly string[];
  /** Tells the user (once per untrusted period) that some rules do not run. */
  notifyUntrusted(message: string): void;
}

/** Open documents first, the disk otherwise: the rulebook in effect is the one on screen. */
export function overlayReader(documents: OpenDocuments): FileReader {
  return {
    read(file) {
      const open = documents.byFile(path.resolve(file));
      return open ? Promise.resolve(Buffer.from(open.text.getText(), 'utf8')) : diskReader.read(file);
    },
    size(file) {
      const open = documents.byFile(path.resolve(file));
      return open ? Promise.resolve(Buffer.byteLength(open.text.getText(), 'utf8')) : diskReader.size(file);
    },
    list: (directory, suffixes) => diskReader.list(directory, suffixes),
  };
}

export class RulebookService {
  readonly cache: RulebookCache;
  private untrustedNotified = false;
  private readonly announced = new Set<string>();

  constructor(private readonly env: RulebookServiceEnvironment) {
    this.cache = new RulebookCache(overlayReader(env.documents));
  }

  /** The rulebook for a file (or an unsaved document: `file` undefined) under the given settings. */
  keyFor(file: string | undefined, settings: Settings): RulebookKey {
    const folder = (file && this.env.folders.folderOf(file)) ?? this.env.folders.all()[0];
    const trusted = this.env.trusted();
    if (!folder && file) {
      const found = findRulebook(path.dirname(file));
      const base = found ? path.dirname(path.dirname(found)) : path.dirname(file);
      return { file: found ?? path.resolve(base, settings.rulebookPath), root: base, trusted };
    }
    const base = folder ?? process.cwd();
    const rulebookFile = path.resolve(base, settings.rulebookPath);
    const dir = path.dirname(rulebookFile);
    const root = path.basename(dir) === '.secure-coding' ? path.dirname(dir) : base;
    return { file: rulebookFile, root, trusted };
  }

  /** The rulebook for a key, loaded once; its problems are published when it first loads. */
  async get(key: RulebookKey): Promise<RulebookState> {
    const id = JSON.stringify(key);
    const state = await this.cache.get(key);
    if (!this.announced.has(id)) {
      this.announced.add(id);
      await this.publishProblems();
    }
    return state;
  }

  /** Reloads the rulebooks that read `file`; true when any did (then open documents need scanning again). */
  async fileChanged(file: string): Promise<boolean> {
    if (!(await this.cache.uses(file))) return false;
    await this.cache.reload(file);
    await this.publishProblems();
    return true;
  }

  async publishProblems(): Promise<void> {
    const states = await this.cache.all();
    const byFile = new Map<string, { problems: RulebookProblem[]; lastGood: boolean }>();
    let untrustedSkips = 0;
    for (const state of states) {
      for (const problem of state.problems) {
        if (problem.message.endsWith(UNTRUSTED_RULE_NOTE)) untrustedSkips++;
        const entry = byFile.get(problem.file) ?? { problems: [], lastGood: false };
        if (!entry.problems.some((p) => p.line === problem.line && p.column === problem.column && p.message === problem.message)) entry.problems.push(problem);
        byFile.set(problem.file, entry);
      }
      if (state.usingLastGood) {
        const entry = byFile.get(state.key.file) ?? { problems: [], lastGood: false };
        entry.lastGood = true;
        byFile.set(state.key.file, entry);
      }
    }
    const published = new Set<string>();
    for (const [file, { problems, lastGood }] of byFile) {
      const lines = await this.lines(file);
      const diagnostics = problems.map((p) => problemDiagnostic(p, (line) => lines[line]));
      if (lastGood) {
        diagnostics.unshift({
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: (lines[0] ?? '').length } },
          severity: DiagnosticSeverity.Information,
          source: RULEBOOK_DIAGNOSTIC_SOURCE,
          message: text('lastGoodRulebook', this.env.locale()),
        });
      }
      const uri = pathToUri(file);
      published.add(uri);
      this.env.publish(uri, diagnostics);
    }
    for (const uri of this.env.urisWithProblems()) if (!published.has(uri)) this.env.publish(uri, []);
    if (untrustedSkips > 0 && !this.env.trusted() && !this.untrustedNotified) {
      this.untrustedNotified = true;
      this.env.notifyUntrusted(text('untrusted', this.env.locale(), { count: untrustedSkips }));
    }
  }

  /** After a trust change: rulebooks load again with the new trust; a later untrusted period is told again. */
  trustChanged(): void {
    const trusted = this.env.trusted();
    this.cache.retain((key) => key.trusted === trusted);
    this.announced.clear();
    if (trusted) this.untrustedNotified = false;
  }

  private async lines(file: string): Promise<string[]> {
    const open = this.env.documents.byFile(file);
    const content = open ? open.text.getText() : await fs.readFile(file, 'utf8').catch(() => '');
    return content.split(/\r?\n/);
  }
}
