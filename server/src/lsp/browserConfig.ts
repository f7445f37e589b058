/**
 * Configs in the browser: the client reads the workspace's `ppnet.config.yaml` files through the
 * workspace file system and sends them (CONFIG_FILES_NOTIFICATION); a document's config is the nearest
 * one above it by URI path, as on disk. No Node built-in: this runs in a web worker.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, parseConfig } from '../service';
import type { LoadedConfig } from '../files/loadedConfig';
import { isRecord } from '../../../protocol/checks';
import type { ConfigSource } from './server';

/** `scheme://authority` of a URI, or `undefined` for one without an authority part. */
const rootOf = (uri: string) => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(uri)?.[0];

export class SentConfigSource implements ConfigSource {
  private texts = new Map<string, string>();
  private readonly parsed = new Map<string, LoadedConfig>();
  private readonly listeners: (() => void)[] = [];

  /** Replaces every config with those sent (malformed entries are ignored), and says so. */
  update(files: unknown): void {
    this.texts = new Map();
    const entries: unknown[] = Array.isArray(files) ? files : [];
    for (const file of entries) {
      if (isRecord(file) && typeof file.uri === 'string' && typeof file.text === 'string' && file.uri.endsWith(`/${CONFIG_FILE_NAME}`)) this.texts.set(file.uri, file.text);
    }
    this.parsed.clear();
    for (const listener of this.listeners) listener();
  }

  forDocument(uri: string): LoadedConfig | undefined {
    const root = rootOf(uri);
    if (!root) return undefined;
    let dir = uri.slice(0, Math.max(uri.lastIndexOf('/'), root.length));
    for (;;) {
      const candidate = `${dir}/${CONFIG_FILE_NAME}`;
      const text = this.texts.get(candidate);
      if (text !== undefined) return this.load(candidate, text);
      if (dir.length <= root.length) return undefined;
      dir = dir.slice(0, Math.max(dir.lastIndexOf('/'), root.length));
    }
  }

  private load(uri: string, text: string): LoadedConfig {
    let loaded = this.parsed.get(uri);
    if (!loaded) {
      loaded = { ...parseConfig(TextDocument.create(uri, 'yaml', 0, text)), path: uri.slice(rootOf(uri)!.length), uri };
      this.parsed.set(uri, loaded);
    }
    return loaded;
  }

  /** The contents come from the client; a watched-file event is followed by new contents. */
  clear(): void {}

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
