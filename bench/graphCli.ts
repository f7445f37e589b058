/**
 * `ppnet graph --format svg` beside `ppnet check` on the same generated file, in the same run: wall time
 * of the whole process (as a CI job sees it) and its peak resident memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { generateUnits } from './generate';
import { PEAK_MEMORY_PREFIX } from './peakMemoryLine';

export interface CliRun {
  ms: number[];
  peakBytes: number;
}

export interface GraphCliResult {
  units: number;
  lines: number;
  check: CliRun;
  graph: CliRun;
}

function run(root: string, args: string[], times: number): CliRun {
  const ms: number[] = [];
  let peakBytes = 0;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['-r', path.join(root, 'out', 'bench', 'peakMemory.js'), path.join(root, 'bin', 'ppnet.js'), ...args], {
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    });
    ms.push(performance.now() - start);
    // check exits 1 on findings; anything else (2: usage, a crash) makes the figure meaningless.
    if (result.status !== 0 && result.status !== 1) throw new Error(`ppnet ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-1000)}`);
    const peak = result.stderr.split('\n').find((line) => line.startsWith(PEAK_MEMORY_PREFIX));
    if (peak) peakBytes = Math.max(peakBytes, Number(peak.slice(PEAK_MEMORY_PREFIX.length)) * 1024);
  }
  return { ms, peakBytes };
}

export function measureGraphCli(root: string, units: number, times: number): GraphCliResult {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-bench-graph-'));
  try {
    const file = path.join(folder, `units-${units}.ppnet.yaml`);
    const text = generateUnits(units);
    fs.writeFileSync(file, text);
    const svg = path.join(folder, 'out.svg');
    // Alternated, so that a busy spell of the machine falls on both.
    const check: CliRun = { ms: [], peakBytes: 0 };
    const graph: CliRun = { ms: [], peakBytes: 0 };
    for (let i = 0; i < times; i++) {
      const c = run(root, ['check', file], 1);
      const g = run(root, ['graph', file, '--format', 'svg', '-o', svg], 1);
      check.ms.push(...c.ms);
      graph.ms.push(...g.ms);
      check.peakBytes = Math.max(check.peakBytes, c.peakBytes);
      graph.peakBytes = Math.max(graph.peakBytes, g.peakBytes);
    }
    return { units, lines: text.split('\n').length - 1, check, graph };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
