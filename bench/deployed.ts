/**
 * `ppnet import`'s work on generated deployed estates (`test/import/estate.ts`: per circuit its two
 * peerings, route filter, connection, gateway, virtual network and an environment), in process:
 * reading the export (`readDeployed`) and writing the topology (`importTopology`), medians of several
 * runs, at 100 and 1,000 circuits so that the ratio shows whether it grows linearly.
 */
import { performance } from 'perf_hooks';
import { importTopology, readDeployed } from '../server/src/service';
import { generateEstate } from '../test/import/estate';
import { median } from './report';

export interface DeployedResult {
  circuits: number;
  bytes: number;
  readMs: number;
  writeMs: number;
}

export const DEPLOYED_SIZES = [100, 1000];

export function measureDeployed(circuits: number, runs: number): DeployedResult {
  const text = generateEstate(circuits);
  const read: number[] = [];
  const write: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const estate = readDeployed([{ file: 'estate.json', text }]);
    const middle = performance.now();
    const result = importTopology(estate);
    const end = performance.now();
    if (estate.circuits.length !== circuits || !result.text.includes(`er-${circuits - 1}:`)) throw new Error('the generated estate was not imported whole');
    // The first run warms the code up and is not counted.
    if (i === 0) continue;
    read.push(middle - start);
    write.push(end - middle);
  }
  return { circuits, bytes: Buffer.byteLength(text), readMs: median(read), writeMs: median(write) };
}

export function deployedTable(results: DeployedResult[]): string {
  const rows = results.map((r) => `| ${r.circuits.toLocaleString('en-US')} | ${(r.bytes / 1024 / 1024).toFixed(1)} MB | ${r.readMs.toFixed(1)} ms | ${r.writeMs.toFixed(1)} ms | ${(r.readMs + r.writeMs).toFixed(1)} ms |`);
  const [small, large] = results;
  const ratio = small && large ? `\n\n${large.circuits / small.circuits}× the circuits took ${((large.readMs + large.writeMs) / (small.readMs + small.writeMs)).toFixed(1)}× the time (linear: about ${large.circuits / small.circuits}×).` : '';
  return ['| circuits | export | read (readDeployed) | write (importTopology) | import |', '| ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n') + ratio;
}
