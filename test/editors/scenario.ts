/**
 * What every editor test does on examples/mistakes.ppnet.yaml, and what it must see: places in the file
 * (LSP positions, which each test turns into its editor's own) and the expected results, taken from
 * the text and the catalog rather than from the server.
 */
import { datacenterPair, powerPlatformRegionIds } from '../reference';
import { Position, positionOf } from './harness';

export interface Scenario {
  /** On the value of `region: unitedkingdom` (environment nw-uk). */
  hover: Position;
  /** At the start of the value of circuit er-lon's `region:`; the circuit serves nw-uk. */
  completion: Position;
  /** On `nw-uk` in er-lon's `environments: [nw-uk]`. */
  definition: Position;
  /** Where go to definition must land: the key `nw-uk` under `environments:`. */
  definitionTarget: Position;
  /** On `westeurope`, which unknown-region reports, and the quick fix to pick there. */
  fix: Position;
  fixTitle: string;
  /** The text after that fix. */
  fixedText: string;
}

export function mistakesScenario(text: string): Scenario {
  const erLon = text.indexOf('\n  er-lon:\n');
  const regionValue = text.indexOf('region: ', erLon) + 'region: '.length;
  if (erLon < 0 || text.slice(regionValue, regionValue + 'europe'.length) !== 'europe') throw new Error('examples/mistakes.ppnet.yaml changed: no er-lon region');
  const lines = text.slice(0, regionValue).split('\n');
  return {
    hover: positionOf(text, 'region: unitedkingdom', 'region: '.length + 2),
    completion: { line: lines.length - 1, character: lines[lines.length - 1].length },
    definition: positionOf(text, 'environments: [nw-uk]', 'environments: ['.length + 2),
    definitionTarget: positionOf(text, '\n  nw-uk:\n', '\n  '.length),
    fix: positionOf(text, 'region: westeurope', 'region: '.length + 2),
    fixTitle: 'Replace "westeurope" with "europe"',
    fixedText: text.replace('region: westeurope', 'region: europe'),
  };
}

/** The hover over a Power Platform region names the region and its datacenter pair, in order. */
export function hoverPattern(): RegExp {
  const [first, second] = datacenterPair('unitedkingdom');
  return new RegExp(`\`unitedkingdom\`[\\s\\S]*${first}[\\s\\S]*${second}`);
}

/** Completion offers every Power Platform region, the region of the served environment first. */
export const expectedCompletion = { labels: powerPlatformRegionIds().sort(), first: 'unitedkingdom' };

/** The quick fix's three actions on unknown-region, in the server's order. */
export const expectedFixTitles = ['Replace "westeurope" with "europe"', 'Disable unknown-region for this line', 'Disable unknown-region in this file'];
