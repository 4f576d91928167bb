/**
 * Settings pulled from the client per resource (`workspace/configuration` with the document as `scopeUri`), cached
 * per document and dropped when the client says they changed. Never kept in globals: two folders may differ.
 */
import { SETTINGS_SECTION, Settings, normalizeSettings } from './protocol';

export interface SettingsSource {
  /** The raw section for a resource, or undefined when the client cannot be asked. */
  fetch(scopeUri: string | undefined): Promise<unknown>;
  /** Reports a setting with a wrong value (once per distinct message). */
  report(message: string): void;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  /** Settings pushed by `didChangeConfiguration`, for clients that do not answer `workspace/configuration`. */
  private pushed: unknown;

  constructor(private readonly source: SettingsSource) {}

  get(uri: string): Promise<Settings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown;
    try {
      raw = (await this.source.fetch(uri)) ?? this.pushed;
    } catch {
      raw = this.pushed;
    }
    const { settings, problems } = normalizeSettings(raw);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.source.report(problem);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`: every cached value is dropped. */
  changed(pushedSettings?: unknown): void {
    const section = (pushedSettings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = section;
    this.cache.clear();
    this.reported.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
