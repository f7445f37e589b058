/**
 * What the editor must show, taken from elsewhere: the command line's findings and diagram for a file
 * (the editor and `ppnet check` report the same), and facts from the catalog. Used by the end-to-end
 * suites and the bare-client server test. No `vscode` import: it also runs inside the extension host.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './support';

export interface CliFinding {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function ppnet(args: string[]): string {
  try {
    // Inside VS Code's extension host the executable is Electron, which runs a script as Node this way.
    // The graph of a generated 300-unit file is several megabytes of JSON.
    return execFileSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  } catch (error) {
    const { status, stdout } = error as { status: number | null; stdout: string };
    if (status === 1) return stdout; // the file has errors: the findings are there all the same
    throw error;
  }
}

/** `ppnet check <file> --format json`. */
export function cliFindings(file: string): CliFinding[] {
  return JSON.parse(ppnet(['check', file, '--format', 'json'])) as CliFinding[];
}

/** `ppnet graph <file> --format json`: the diagram the preview draws. */
export function cliGraph(file: string): { title: string; nodes: { id: string }[] } {
  return JSON.parse(ppnet(['graph', file, '--format', 'json']));
}

/** A finding as one comparable string: code and zero-based range. */
export function findingKey(code: string, range: CliFinding['range']): string {
  return `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'service', 'data', 'catalog.json'), 'utf8'));

/** The display names of the datacenter pair of a Power Platform region. */
export function datacenterPair(regionId: string): string[] {
  const region = catalog.powerPlatformRegions.find((r: { id: string }) => r.id === regionId);
  return region.datacenterRegions.map((id: string) => catalog.azureRegions.find((a: { id: string }) => a.id === id).displayName);
}

/** What completion offers for each Power Platform region: its id, or its display name where no source gives the id. */
export function powerPlatformRegionIds(): string[] {
  return catalog.powerPlatformRegions.map((r: { id: string | null; displayName: string }) => r.id ?? r.displayName);
}

/** `ppnet routes <file> --format json`: the route matrix the preview's Matrix mode shows. */
export function cliRoutes(file: string): {
  rows: { id: string; label: string; node: string }[];
  columns: { id: string; label: string }[];
  cells: { row: string; column: string; route: string; routes: string[]; reason: string; node: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
} {
  return JSON.parse(ppnet(['routes', file, '--format', 'json']));
}
