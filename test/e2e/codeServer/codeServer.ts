/**
 * A private code-server (VS Code 1.100 for the browser) with our .vsix installed, serving a throwaway
 * copy of a folder. Everything it writes goes into one temporary folder; the install itself is cached
 * outside the clone by scripts/install-code-server.sh.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../../support';

/** Workbench settings that keep the screen on our extension: no welcome page, tips or telemetry notice. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'editor.minimap.enabled': false,
  // Suggestions come from the language server only, not from words in the file.
  'editor.wordBasedSuggestions': 'off',
  'files.autoSave': 'off',
};

export interface CodeServerOptions {
  /** The .vsix files installed before it starts. */
  extensions: string[];
  /** Files copied into the served folder. */
  files: string[];
}

export class CodeServer {
  private constructor(
    private readonly process: ChildProcess,
    readonly url: string,
    readonly folder: string,
    private readonly scratch: string,
    private readonly log: () => string,
  ) {}

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const entry = installCodeServer();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-e2e-'));
    const folder = path.join(scratch, 'workspace');
    const userData = path.join(scratch, 'user-data');
    const extensions = path.join(scratch, 'extensions');
    fs.mkdirSync(folder);
    for (const file of options.files) fs.copyFileSync(file, path.join(folder, path.basename(file)));
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    // code-server writes its config and logs below XDG folders (the home directory otherwise).
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_CACHE_HOME: path.join(scratch, 'cache'),
    };
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
    for (const vsix of options.extensions) execFileSync(process.execPath, [entry, ...common, '--install-extension', vsix], { env, stdio: 'pipe' });

    const child = spawn(
      process.execPath,
      [entry, ...common, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', folder],
      // Its own process group, so that stopping it also stops the extension host and our language server.
      { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let log = '';
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    const address = await waitFor(() => /HTTP server listening on (http:\/\/[\d.:]+)\//.exec(log)?.[1], 60_000, () => `code-server did not start:\n${log}`);
    return new CodeServer(child, `${address}/?folder=${encodeURIComponent(folder)}`, folder, scratch, () => log);
  }

  /** Process ids of the ppnet language servers running under this code-server. */
  languageServerPids(): number[] {
    return descendants(this.process.pid!).filter((pid) => commandLine(pid).some((arg) => arg.endsWith(path.join('dist', 'server.js'))));
  }

  /** The output of code-server itself, for failure messages. */
  output(): string {
    return this.log();
  }

  async stop(): Promise<void> {
    if (this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      process.kill(-this.process.pid!, 'SIGTERM');
      await exited;
    }
    if (!process.env.PPNET_E2E_KEEP) fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** Installs code-server into the cache on first use and returns its entry script. */
function installCodeServer(): string {
  const script = path.join(ROOT, 'scripts', 'install-code-server.sh');
  const entry = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  if (!fs.existsSync(entry)) throw new Error(`install-code-server.sh named ${entry}, which does not exist`);
  return entry;
}

/** Polls `probe` until it returns a value (every 100 ms), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found.sort((a, b) => a - b);
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name in /proc/<pid>/stat is in parentheses and may hold spaces; the parent follows it.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // the process ended meanwhile
  }
}

function commandLine(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}
