/**
 * The rulebooks in use, one per (rulebook file, workspace root, trust). A rulebook is loaded once and reloaded when
 * one of its files changes. A reload with errors keeps the last rulebook that had none in effect, while the errors
 * are shown in the rulebook file; a first load with errors still applies the rules that loaded.
 */
import * as path from 'path';
import { FileReader, Rulebook, RulebookProblem, loadRulebook } from '../engine';
import { RulebookSource, recordingReader } from './rulebook-source';

export interface RulebookKey {
  /** The workspace rulebook file (it may not exist: then the built-in default applies alone). */
  readonly file: string;
  /** The folder path globs and findings are relative to. */
  readonly root: string;
  readonly trusted: boolean;
}

export interface RulebookState {
  readonly key: RulebookKey;
  /** The rules in effect. */
  readonly rulebook: Rulebook;
  /** What the rules in effect were loaded from: a scan worker loads the same rulebook from it. */
  readonly source: RulebookSource;
  /** The latest rulebook that loaded without errors. */
  readonly lastGood?: Rulebook;
  readonly lastGoodSource?: RulebookSource;
  /** Problems of the latest load (they may belong to a version not in effect). */
  readonly problems: readonly RulebookProblem[];
  /** True when the latest load had errors and an earlier valid rulebook stays in effect. */
  readonly usingLastGood: boolean;
  /** Every file the latest load read or looked for (to watch). */
  readonly files: readonly string[];
}

function keyString(key: RulebookKey): string {
  return `${key.file}\0${key.root}\0${key.trusted}`;
}

interface Entry {
  readonly key: RulebookKey;
  state: Promise<RulebookState>;
}

export class RulebookCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly reader: FileReader) {}

  get(key: RulebookKey): Promise<RulebookState> {
    const id = keyString(key);
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { key, state: this.load(key, undefined) };
      this.entries.set(id, entry);
    }
    return entry.state;
  }

  private async load(key: RulebookKey, previous: RulebookState | undefined): Promise<RulebookState> {
    const recording = recordingReader(this.reader);
    const loaded = await loadRulebook({ rulebookFile: key.file, root: key.root, reader: recording.reader, trustWorkspaceRules: key.trusted });
    const source = recording.source(key);
    const files = [...new Set([path.resolve(key.file), ...loaded.files.map((f) => path.resolve(f))])];
    const problems = loaded.problems;
    if (!loaded.hasErrors) return { key, rulebook: loaded, source, lastGood: loaded, lastGoodSource: source, problems, usingLastGood: false, files };
    if (previous?.lastGood && previous.lastGoodSource) {
      const lastGood = { rulebook: previous.lastGood, source: previous.lastGoodSource, lastGood: previous.lastGood, lastGoodSource: previous.lastGoodSource };
      return { key, ...lastGood, problems, usingLastGood: true, files };
    }
    return { key, rulebook: loaded, source, problems, usingLastGood: false, files };
  }

  /** Reloads every rulebook that read or looked for `file` (all of them when no file is given). */
  async reload(file?: string): Promise<RulebookState[]> {
    const target = file && path.resolve(file);
    const reloaded: Promise<RulebookState>[] = [];
    for (const entry of this.entries.values()) {
      const state = await entry.state;
      if (target && !state.files.includes(target)) continue;
      entry.state = this.load(entry.key, state);
      reloaded.push(entry.state);
    }
    return Promise.all(reloaded);
  }

  /** Whether any rulebook read or looked for this file. */
  async uses(file: string): Promise<boolean> {
    const target = path.resolve(file);
    return (await this.all()).some((state) => state.files.includes(target));
  }

  all(): Promise<RulebookState[]> {
    return Promise.all([...this.entries.values()].map((entry) => entry.state));
  }

  /** Forgets rulebooks no longer in use (after a settings or trust change); they would load again on demand. */
  retain(keep: (key: RulebookKey) => boolean): void {
    for (const [id, entry] of this.entries) if (!keep(entry.key)) this.entries.delete(id);
  }
}
