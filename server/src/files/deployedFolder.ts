/**
 * A config's `deployed:` folder for the language server in Node: every `*.json` export below it read
 * into one estate (kept until a file in the folder changes), and a watcher on the folder that says when
 * it changed.
 *
 * The folder is watched here, with Node's `fs.watch`, rather than through the client's
 * `workspace/didChangeWatchedFiles` registration: reading the folder is Node-only anyway, so the watch
 * lives beside the read; it works with every client (Neovim, Emacs, Helix and bare clients that offer
 * no dynamic registration of file watchers); and the folder may lie outside the workspace the client
 * watches (a shared folder of exports).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic } from 'vscode-languageserver-types';
import { readDeployed } from '../service';
import { describeError } from './read';
import { inputDiagnostic, readDeployedFiles } from './deployedFiles';
import type { DeployedLoad, DeployedSource, LoadedConfig } from './loadedConfig';

/** Changes in a folder within this many milliseconds are read once (an export is written in pieces). */
const SETTLE_MS = 150;

export class DiskDeployedSource implements DeployedSource {
  private readonly loads = new Map<string, DeployedLoad>();
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly listeners: (() => void)[] = [];

  /** The estate of the config's `deployed:` folder (a path relative to the config's folder), read once until it changes. */
  forConfig(config: LoadedConfig): DeployedLoad | undefined {
    const written = config.config.deployed?.folder;
    if (written === undefined) return undefined;
    const folder = path.resolve(path.dirname(config.path), written);
    let load = this.loads.get(folder);
    if (!load) {
      load = read(folder);
      this.loads.set(folder, load);
      this.watch(folder);
    }
    return load;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Forgets every folder read and stops watching them (the configs changed). */
  clear(): void {
    this.loads.clear();
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private watch(folder: string): void {
    if (this.watchers.has(folder)) return;
    try {
      const watcher = fs.watch(folder, { recursive: true, persistent: false }, () => this.changed(folder));
      // A folder removed or made unreadable: read again, which says so.
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(folder);
        this.changed(folder);
      });
      this.watchers.set(folder, watcher);
    } catch {
      // A folder that is not there cannot be watched: it is read again when the config changes.
    }
  }

  private changed(folder: string): void {
    const pending = this.timers.get(folder);
    if (pending) clearTimeout(pending);
    this.timers.set(
      folder,
      setTimeout(() => {
        this.timers.delete(folder);
        this.loads.delete(folder);
        for (const listener of this.listeners) listener();
      }, SETTLE_MS),
    );
  }
}

function read(folder: string): DeployedLoad {
  try {
    if (!fs.statSync(folder).isDirectory()) return { folder, problem: 'it is not a folder' };
  } catch (error) {
    return { folder, problem: describeError(error) };
  }
  const files = readDeployedFiles([folder]);
  const estate = readDeployed(files.inputs);
  estate.findings.push(...files.findings);
  const byUri = new Map<string, Diagnostic[]>();
  for (const finding of estate.findings) {
    const uri = pathToFileURL(finding.file).toString();
    byUri.set(uri, [...(byUri.get(uri) ?? []), inputDiagnostic(finding)]);
  }
  return { folder, estate, inputs: [...byUri].map(([uri, diagnostics]) => ({ uri, diagnostics })) };
}
