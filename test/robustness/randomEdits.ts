/**
 * Random edits for the robustness tests: sample files of the repository, and edits that type values,
 * add structure, bring in what chunking must refuse, or undo the previous edit.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { generateTopology } from '../../bench/generate';
import { ROOT } from '../support';

/** Every file of the repository's examples and rule fixtures, and a generated one. */
export function sampleTexts(): string[] {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f)),
    ...fs.readdirSync(path.join(ROOT, 'test', 'rules')).filter((f) => f.endsWith('.ppnet.yaml')).map((f) => path.join(ROOT, 'test', 'rules', f)),
  ];
  return [...files.map((f) => fs.readFileSync(f, 'utf8')), generateTopology(120)];
}

/** Typing in values and names: mostly keeps the YAML valid, so the chunks are used. */
const WORDS = ['x', 'e', '1', '-', 'europe', 'westeurope', 'production', 'blocked', 'expressroute', '12076:51004', '203.0.113.0/29', 'gw-ams'];
/** New lines, keys, entities and sections, comments and disable comments. */
const STRUCTURE = [
  ' ', '  ', '\n', '\n\n', ':', ': ', '- ', '#', '# note', '"', "'", '{', '}', '[', ']', ',',
  '\n  added:\n    region: europe\n', '\n    region: unitedstates', '\n    site: nowhere', '\nsites:\n  s1: {}\n',
  '\nenvironments:\n', 'environments: {a: {region: europe}}\n', '|\n  text\n', '>-\n', '\n  # comment\n',
  '# ppnet-disable-next-line schema\n', '# ppnet-disable-file\n', '__proto__: 1\n', 'constructor: x\n', '    toString: 1\n',
];
/** What the chunks must refuse, so that the text is parsed in full. */
const HOSTILE = ['&anchor ', '*anchor', '<<: *anchor\n', '<<: {}\n', '\t', '\r\n', '\r', '---\n', '...\n', '%YAML 1.2\n', '\uFEFF', '? ', '!!str '];

/** Insert (after removing) at an offset, retype a `key: value` line's value, or undo the last edit. */
export type Edit = { kind: 'raw'; at: number; remove: number; insert: string } | { kind: 'value'; line: number; word: string } | { kind: 'undo' };

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('raw' as const),
    at: fc.nat(),
    remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
    insert: fc.oneof(
      { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
      { arbitrary: fc.constantFrom(...STRUCTURE), weight: 3 },
      { arbitrary: fc.constantFrom(...HOSTILE), weight: 1 },
      { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    ),
  }),
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.constant({ kind: 'undo' as const }),
);

/** Applies an edit; `history` holds the texts before each edit, for undo. */
export function applyEdit(text: string, change: Edit, history: string[]): string {
  if (change.kind === 'undo') return history.pop() ?? text;
  history.push(text);
  if (change.kind === 'raw') {
    const start = change.at % (text.length + 1);
    return text.slice(0, start) + change.insert + text.slice(start + change.remove);
  }
  // Retype the value of some `key: value` line.
  const lines = text.split('\n');
  const candidates = lines.flatMap((line, index) => (/^\s*[\w-]+: \S/.test(line) ? [index] : []));
  if (candidates.length === 0) return text;
  const index = candidates[change.line % candidates.length];
  lines[index] = lines[index].replace(/: .*$/, `: ${change.word}`);
  return lines.join('\n');
}

