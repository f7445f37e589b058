/**
 * `ppnet drift`'s comparison on generated estates (`test/import/estate.ts`), in process: the design is
 * what `ppnet import` writes of the estate, so every entity matches and every value is compared; the
 * estate is read once, and each run compares a fresh document (no cached validation). Medians of
 * several runs at 100, 1,000 and 2,000 circuits, so that the ratio shows whether it grows linearly.
 */
import { performance } from 'perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, importTopology, readDeployed } from '../server/src/service';
import { generateEstate } from '../test/import/estate';
import { median } from './report';

export interface DriftResult {
  circuits: number;
  lines: number;
  /** The whole validation with the estate: the design's rules and the drift rules. */
  validateMs: number;
  /** The same document validated without the estate, for the cost of drift alone. */
  designOnlyMs: number;
}

/** 100 and 1,000 as import's rows; 2,000 so that the ratio is taken where the times are well above the noise. */
export const DRIFT_SIZES = [100, 1000, 2000];

export function measureDrift(circuits: number, runs: number): DriftResult {
  const estate = readDeployed([{ file: 'estate.json', text: generateEstate(circuits) }]);
  const design = importTopology(estate).text;
  const withEstate: number[] = [];
  const without: number[] = [];
  // Each measure parses its own document first (not timed): the two validations share no fact.
  const fresh = (name: string) => {
    const service = createLanguageService();
    const document = TextDocument.create(`file:///bench/${name}.ppnet.yaml`, 'ppnet', 1, design);
    service.getTopology(document);
    return { service, document };
  };
  for (let i = 0; i < runs + 1; i++) {
    const alone = fresh(`design-${i}`);
    let start = performance.now();
    alone.service.validate(alone.document);
    const designMs = performance.now() - start;
    const compared = fresh(`drift-${i}`);
    start = performance.now();
    const all = compared.service.validate(compared.document, { deployed: estate });
    const driftMs = performance.now() - start;
    if (compared.service.drift(compared.document, estate).length !== 0) throw new Error(`the design ppnet import wrote drifts from its own estate: ${all[0]?.message}`);
    // The first run warms the code up and is not counted.
    if (i === 0) continue;
    without.push(designMs);
    withEstate.push(driftMs);
  }
  return { circuits, lines: design.split('\n').length, validateMs: median(withEstate), designOnlyMs: median(without) };
}

export function driftTable(results: DriftResult[]): string {
  const rows = results.map(
    (r) => `| ${r.circuits.toLocaleString('en-US')} | ${r.lines.toLocaleString('en-US')} | ${r.designOnlyMs.toFixed(1)} ms | ${r.validateMs.toFixed(1)} ms | ${Math.max(0, r.validateMs - r.designOnlyMs).toFixed(1)} ms |`,
  );
  const [small, large] = results.slice(-2);
  const ratio = small && large ? `\n\n${large.circuits / small.circuits}× the circuits took ${(large.validateMs / small.validateMs).toFixed(1)}× the time with drift (linear: about ${large.circuits / small.circuits}×).` : '';
  return ['| circuits | design lines | check (no estate) | check with drift | drift alone |', '| ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n') + ratio;
}
