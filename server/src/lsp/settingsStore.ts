import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, type PolicySettings } from '../core';
import { SETTINGS_SECTION } from '../shared/protocol';

/**
 * Settings per document URI. Pulled with workspace/configuration when the client supports it (VS
 * Code: per folder and language); otherwise taken from didChangeConfiguration or initializationOptions,
 * as simpler editors send them.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<PolicySettings>>();
  private pushed: PolicySettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = normalizeSettings(initial);
  }

  get(uri: string): Promise<PolicySettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => this.pushed);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** On didChangeConfiguration: forget pulled values; keep pushed ones when the client sent them. */
  changed(pushedSection: unknown): void {
    this.cache.clear();
    if (pushedSection !== undefined && pushedSection !== null) this.pushed = normalizeSettings(pushedSection);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
