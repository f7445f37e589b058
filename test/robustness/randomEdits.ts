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


/**
 * Fragments typed one character at a time: each passes through versions where the YAML is broken (a
 * key without its colon, an unclosed quote or bracket, a tab, an anchor without its alias, a `? ` key,
 * a document marker) and most end valid again.
 */
const TYPED = [
  '\n    cdn: true', '\n    region: europe', '\n  added:\n    region: europe', '\nsites:\n  s9:\n    internet: allowed',
  ' "quoted value"', " 'single value'", ' [canvas, model-driven]', ' {a: 1, b: [2, 3]}', '\n    apps: [canvas,\n      model-driven]',
  ' &anchor value', '\n    name: *anchor', '\n    <<: {region: europe}', '\n\tregion: europe', '\n    ? complex\n    : value',
  '\n---\n', '\n...\n', '\n  - item', '\n   mis: indented', '\n description: |\n      text\n', ' "unclosed', ' [unclosed',
  '\n    a: b: c', '\n# ppnet-disable-next-line schema\n', '\n    name: "a\\"b"', '\n    key: value # comment',
  // Keys typed word by word before their colon, at an entity's end, in its middle and at the top level.
  '\n    releaseCycle2 x', '\n  env9\n    region: europe', '\nextraSection1: 1', '\n      nested3: x',
];

/** Typing: a fragment typed character by character at a line's end or start, then some of it deleted again. */
export interface Typing {
  line: number;
  atEnd: boolean;
  fragment: string;
  backspaces: number;
}

export const typingArbitrary: fc.Arbitrary<Typing> = fc.record({
  line: fc.nat(),
  atEnd: fc.boolean(),
  fragment: fc.constantFrom(...TYPED),
  backspaces: fc.oneof(fc.constant(0), fc.nat({ max: 6 })),
});

/** The edits of a typing, one character each, as offsets in the text each applies to (insert `text` at `at`, after deleting `remove`). */
export function keystrokes(text: string, typing: Typing): { at: number; remove: number; text: string }[] {
  const lines = text.split('\n');
  const line = typing.line % lines.length;
  let at = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0);
  if (typing.atEnd) at += lines[line].length;
  const strokes: { at: number; remove: number; text: string }[] = [];
  for (const char of typing.fragment) strokes.push({ at: at++, remove: 0, text: char });
  for (let i = 0; i < Math.min(typing.backspaces, typing.fragment.length); i++) strokes.push({ at: --at, remove: 1, text: '' });
  return strokes;
}
