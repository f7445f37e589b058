/**
 * Finds and reads the nearest `ppnet.config.yaml` above a topology file (server and CLI alike). Both
 * the lookup and the contents are kept until `refresh()`: the command line reads each config once per
 * run, and the server refreshes when the editor reports that a config was created, changed or deleted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, COMMAND_LINE_LIMIT_BYTES, fileDiagnostic, formatLimit, parseConfig, ruleByCode, ruleUrl } from '../service';
import { readText } from './read';
import { LoadedConfig, unreadableConfigDiagnostic } from './loadedConfig';
export { LoadedConfig, unreadableConfigDiagnostic };

/** Where the README explains configs: the link of a diagnostic about one. */

export class ConfigLoader {
  /** For each folder looked at: the path of the nearest config at or above it, or null for none. */
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `fixed`: the config every file uses instead of its nearest one (`ppnet check --config <path>`). */
  constructor(private readonly fixed?: string) {}

  /** The path of the nearest config above a file, probing each folder on the way up once. */
  findConfigPath(filePath: string): string | undefined {
    const start = path.dirname(path.resolve(filePath));
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = start; ; ) {
      const known = this.nearest.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(dir);
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (exists(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const dir of visited) this.nearest.set(dir, found);
    return found ?? undefined;
  }

  forFile(filePath: string): LoadedConfig | undefined {
    const configPath = this.fixed !== undefined ? path.resolve(this.fixed) : this.findConfigPath(filePath);
    return configPath ? this.load(configPath) : undefined;
  }

  load(configPath: string): LoadedConfig {
    const cached = this.loaded.get(configPath);
    if (cached) return cached;
    const uri = pathToFileURL(configPath).toString();
    const read = readText(configPath, COMMAND_LINE_LIMIT_BYTES);
    let loaded: LoadedConfig;
    if (read.kind === 'text') {
      loaded = { ...parseConfig(TextDocument.create(uri, 'yaml', 0, read.text)), path: configPath, uri };
    } else if (read.kind === 'not-text') {
      const diagnostic = fileDiagnostic('yaml-syntax', read.message, DiagnosticSeverity.Error);
      diagnostic.range = { start: read.at, end: read.at };
      diagnostic.codeDescription = { href: ruleUrl(ruleByCode('yaml-syntax')!) };
      loaded = { config: { ruleLevels: {} }, diagnostics: [diagnostic], path: configPath, uri };
    } else {
      const unreadable = read.kind === 'unreadable' ? read.reason : `it is larger than ${formatLimit(COMMAND_LINE_LIMIT_BYTES)}, far more than a config needs`;
      loaded = { config: { ruleLevels: {} }, diagnostics: [], path: configPath, uri, unreadable };
    }
    this.loaded.set(configPath, loaded);
    return loaded;
  }

  /** Forgets every lookup and every config read: the next ones go to the disk again. */
  refresh(): void {
    this.nearest.clear();
    this.loaded.clear();
  }
}

/** Whether anything is at a path, a dangling symbolic link included (reading it then says what is wrong). */
function exists(candidate: string): boolean {
  try {
    fs.lstatSync(candidate);
    return true;
  } catch {
    return false;
  }
}
