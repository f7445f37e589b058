/** Finds and reads the nearest `ppnet.config.yaml` above a topology file (server and CLI alike). */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import { CONFIG_FILE_NAME, parseConfig } from '../service';
import type { ParsedConfig } from '../service';

export interface LoadedConfig extends ParsedConfig {
  path: string;
  uri: string;
}

export function findConfigPath(filePath: string): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and parses a config file; caches by path and modification time. */
export class ConfigLoader {
  private readonly cache = new Map<string, { mtimeMs: number; loaded: LoadedConfig }>();

  forFile(filePath: string): LoadedConfig | undefined {
    const configPath = findConfigPath(filePath);
    return configPath ? this.load(configPath) : undefined;
  }

  load(configPath: string): LoadedConfig | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(configPath);
    } catch {
      return undefined;
    }
    const cached = this.cache.get(configPath);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached.loaded;
    const uri = pathToFileURL(configPath).toString();
    const text = fs.readFileSync(configPath, 'utf8');
    const loaded = { ...parseConfig(TextDocument.create(uri, 'yaml', 0, text)), path: configPath, uri };
    this.cache.set(configPath, { mtimeMs: stat.mtimeMs, loaded });
    return loaded;
  }

  clear(): void {
    this.cache.clear();
  }
}
