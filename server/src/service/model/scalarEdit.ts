/**
 * A keystroke inside a plain value (`sku: standard` → `sku: standardx`) without parsing the chunk again:
 * when the old and the new value are both plain words that can only read as strings, and the value
 * ends its line, the YAML parser gives the chunk the same nodes with that one value changed and every
 * offset after it moved by the change in length. The nodes are changed in place, as a chunk's nodes are
 * moved in place: they belong to the newest version (the entity built from them is built again).
 */
import { isMap, isScalar, isSeq, Node, Scalar, YAMLMap } from 'yaml';
import { commonPrefix, commonSuffix } from '../text/common';

/**
 * Words, and words with single spaces between them (`Washington DC`), of characters that mean nothing
 * to YAML in a block value; starting with a letter, so that no number reads from them.
 */
const PLAIN_WORDS = /^[A-Za-z][A-Za-z0-9_./()+-]*(?: [A-Za-z0-9_./()+-]+)*$/;
/** Words YAML (1.2 core, and 1.1 for safety) reads as something other than a string. */
const NOT_A_STRING = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

/**
 * Applies the edit from `before` to `after` (the chunk's text) to `nodes`, every node under `root`
 * (`base` is the chunk's offset in the text), and returns true, or changes nothing and returns false
 * when it is anything but a plain value edited within its line.
 */
export function editScalarInPlace(root: YAMLMap, nodes: readonly Node[], base: number, before: string, after: string): boolean {
  const start = commonPrefix(before, after);
  const shared = commonSuffix(before, after, start);
  const [oldEnd, newEnd] = [before.length - shared, after.length - shared];
  if (/[\r\n]/.test(before.slice(start, oldEnd)) || /[\r\n]/.test(after.slice(start, newEnd))) return false;
  let edited: Scalar | undefined;
  // The plain value of a block collection the change falls in.
  const pending: { node: unknown; inBlock: boolean }[] = [{ node: root, inBlock: false }];
  while (pending.length) {
    const { node, inBlock } = pending.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (isMap(node)) {
      for (const pair of node.items) pending.push({ node: pair.key, inBlock: false }, { node: pair.value, inBlock: !node.flow });
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push({ node: item, inBlock: !node.flow });
    } else if (isScalar(node)) {
      if (inBlock && node.range![0] - base <= start && oldEnd <= node.range![1] - base) edited = node;
    } else return false; // an alias: not a plain chunk
  }
  if (!edited || edited.type !== 'PLAIN' || edited.tag || edited.anchor || typeof edited.value !== 'string') return false;
  const [from, to] = [edited.range![0] - base, edited.range![1] - base];
  const [was, now] = [before.slice(from, to), after.slice(from, to + after.length - before.length)];
  if (was !== edited.source || !plainWords(was) || !plainWords(now)) return false;
  // The value ends its line: nothing after it (a comment, a flow indicator) that would read it otherwise.
  const lineEnd = before.indexOf('\n', to);
  if (!/^ *$/.test(before.slice(to, lineEnd < 0 ? before.length : lineEnd))) return false;
  // And does not start it: how the parser reads the next lines' indentation depends on a line's first two characters.
  if (/^ *$/.test(before.slice(before.lastIndexOf('\n', from - 1) + 1, from))) return false;
  const delta = after.length - before.length;
  for (const node of nodes) {
    const range = node.range!;
    for (let i = 0; i < 3; i++) if (range[i] - base >= to && !(node === edited && i === 0)) range[i] += delta;
  }
  edited.value = now;
  (edited as { source?: string }).source = now;
  return true;
}

function plainWords(text: string): boolean {
  return PLAIN_WORDS.test(text) && !NOT_A_STRING.test(text);
}
