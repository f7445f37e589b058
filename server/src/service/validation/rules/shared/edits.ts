/**
 * Text edits the rule fixes share: replace a value, and set a key in an entity's map the way the file
 * already writes it (block or flow style, the map's own indentation, the file's line ends).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isMergeKey } from '../../../syntax/parse';
import type { Fix } from '../../rule';
import { offsetRange } from '../../../text/ranges';
import { indentUnit, lineEnding } from '../../../text/layout';

type Ranged = { range?: [number, number, number] | null };

/** Replaces a node's value text (not its trailing comment) with `text`. */
export function replaceNode(document: TextDocument, node: Ranged, text: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return TextEdit.replace(offsetRange(document, start, end), text);
}

/** A fix that writes `text` over the value the diagnostic covers. */
export function replaceValueFix(diagnostic: Diagnostic, title: string, text: string, isPreferred = true): Fix {
  return { title, edits: [TextEdit.replace(diagnostic.range, text)], isPreferred };
}

/** The entity (or any map entry) whose map gets a key: its key node and its map, when it has one. */
export interface MapOwner {
  key: Scalar;
  map?: YAMLMap;
}

/**
 * Sets `name: value` in the owner's own map: replaces the value when the map writes the key itself,
 * else adds the key (a merged `<<` value is overridden, not edited, so that other entities keep it).
 * `value` is YAML text, written as given.
 */
export function setKey(document: TextDocument, owner: MapOwner, name: string, value: string): TextEdit {
  const own = owner.map?.items.find((pair) => !isMergeKey(pair) && isScalar(pair.key) && String(pair.key.value) === name);
  if (own) {
    const valueNode = own.value as Ranged | null;
    if (valueNode?.range && valueNode.range[1] > valueNode.range[0]) return replaceNode(document, valueNode, value);
    return TextEdit.insert(document.positionAt(colonAfter(document, own.key as Scalar)), ` ${value}`);
  }
  const entry = `${name}: ${value}`;
  return addKey(document, owner, { flow: entry, lines: [entry] });
}

/** A map entry as text in both styles: one flow line, and block lines indented relative to the key. */
interface EntryText {
  flow: string;
  lines: string[];
}

function addKey(document: TextDocument, owner: MapOwner, entry: EntryText): TextEdit {
  const text = document.getText();
  const eol = lineEnding(text);
  const map = owner.map;
  if (map && isMap(map) && map.range) {
    if (map.flow) {
      const close = text.lastIndexOf('}', map.range[1] - 1);
      const last = map.items[map.items.length - 1];
      if (!last) return TextEdit.replace(offsetRange(document, map.range[0], map.range[1]), `{ ${entry.flow} }`);
      const end = ((last.value as Ranged | null)?.range ?? (last.key as Ranged).range ?? [close, close])[1];
      return TextEdit.insert(document.positionAt(Math.min(end, close)), `, ${entry.flow}`);
    }
    const block = indentLines(entry.lines, ' '.repeat(document.positionAt(map.range[0]).character), eol);
    const end = map.range[1];
    const atLineStart = end > 0 && text[end - 1] === '\n';
    return TextEdit.insert(document.positionAt(end), atLineStart ? `${block}${eol}` : `${eol}${block}`);
  }
  // No map yet: `id: ~` becomes a flow map; `id:` with nothing after it opens a block map one
  // indentation step below the key.
  const colon = colonAfter(document, owner.key);
  const lineEnd = text.indexOf('\n', colon);
  const line = text.slice(colon, lineEnd < 0 ? text.length : lineEnd);
  const written = /^\s*([^\s#][^#]*?)\s*(#.*)?\r?$/.exec(line);
  if (written) {
    const start = colon + line.indexOf(written[1]);
    return TextEdit.replace(offsetRange(document, start, start + written[1].length), `{ ${entry.flow} }`);
  }
  const column = document.positionAt(owner.key.range?.[0] ?? 0).character;
  const indent = ' '.repeat(column + indentUnit(text));
  const at = colon + line.replace(/\r$/, '').length;
  return TextEdit.insert(document.positionAt(at), `${eol}${indentLines(entry.lines, indent, eol)}`);
}

function indentLines(lines: string[], indent: string, eol: string): string {
  return lines.map((line) => indent + line).join(eol);
}

/** The offset just after the `:` that follows a key. */
function colonAfter(document: TextDocument, key: Scalar): number {
  const text = document.getText();
  const from = key.range?.[1] ?? 0;
  const colon = text.indexOf(':', from);
  return colon < 0 ? from : colon + 1;
}


/** The file's indentation step: the smallest indentation of a content line; 2 when nothing is indented. */

/** A scalar as YAML text: plain when it reads back as the same string in block and flow context, else quoted. */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z0-9][\w .:/-]*$/.test(text) && !/:( |$)/.test(text) && !/ $/.test(text);
  const readsAsOther = /^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*)?\.?\d*(e[-+]?\d+)?)$/i.test(text);
  return plain && !readsAsOther ? text : JSON.stringify(text);
}

/** A list entry to write; the comment is kept in block lists only. */
export interface NewItem {
  text: string;
  comment?: string;
}

/** A value to write under a new key: a list, or a map of further keys. */
export type NewValue = { list: NewItem[] } | { map: NewEntry[] };

export interface NewEntry {
  key: string;
  value: NewValue;
}

/** Adds `entry` to the owner's own map, written in the map's style and the file's indentation step. */
export function addEntry(document: TextDocument, owner: MapOwner, entry: NewEntry): TextEdit {
  const unit = ' '.repeat(indentUnit(document.getText()));
  return addKey(document, owner, { flow: flowEntry(entry), lines: blockEntry(entry, unit) });
}

/** A list as flow text: `[a, b]`. */
export function flowList(items: readonly NewItem[]): string {
  return `[${flowItems(items)}]`;
}

function flowItems(items: readonly NewItem[]): string {
  return items.map((item) => yamlScalar(item.text)).join(', ');
}


function flowEntry(entry: NewEntry): string {
  const value = 'list' in entry.value ? flowList(entry.value.list) : `{ ${entry.value.map.map(flowEntry).join(', ')} }`;
  return `${entry.key}: ${value}`;
}

function blockEntry(entry: NewEntry, unit: string): string[] {
  if ('map' in entry.value) return [`${entry.key}:`, ...entry.value.map.flatMap((e) => blockEntry(e, unit)).map((l) => unit + l)];
  if (entry.value.list.length === 0) return [`${entry.key}: []`];
  return [`${entry.key}:`, ...entry.value.list.map((item) => `${unit}${blockItem(item)}`)];
}

function blockItem(item: NewItem): string {
  return `- ${yamlScalar(item.text)}${item.comment ? `  # ${item.comment}` : ''}`;
}

/** Appends items to a list in its own style: `[a, b]` gets `, c`; a block list gets `- c` lines at its indentation. */
export function appendListItems(document: TextDocument, list: YAMLSeq, items: readonly NewItem[]): TextEdit {
  const text = document.getText();
  const last = list.items[list.items.length - 1] as Ranged | undefined;
  if (list.flow) {
    const written = flowItems(items);
    if (!last?.range) return TextEdit.insert(document.positionAt(text.lastIndexOf(']', (list.range?.[1] ?? 1) - 1)), written);
    return TextEdit.insert(document.positionAt(last.range[1]), `, ${written}`);
  }
  return insertItemsAfter(document, last ?? list, items);
}

/**
 * Removes one entry of a list: its whole line in a block list (with its comment), the entry and its
 * comma in a flow list. `undefined` when the entry is not written in this list (an alias elsewhere).
 */
export function removeListItem(document: TextDocument, list: YAMLSeq, item: unknown): TextEdit | undefined {
  const text = document.getText();
  const index = list.items.indexOf(item);
  const range = (item as Ranged | undefined)?.range;
  if (index < 0 || !range) return undefined;
  if (list.flow) {
    const before = list.items[index - 1] as Ranged | undefined;
    const after = list.items[index + 1] as Ranged | undefined;
    if (before?.range) return TextEdit.del(offsetRange(document, before.range[1], range[1]));
    if (after?.range) return TextEdit.del(offsetRange(document, range[0], after.range[0]));
    return TextEdit.del(offsetRange(document, range[0], range[1]));
  }
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  const newline = text.indexOf('\n', range[1]);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const onlyItemOnLine =
    /^\s*-\s+$/.test(text.slice(lineStart, range[0])) && /^\s*(#.*)?\r?\n?$/.test(text.slice(range[1], lineEnd));
  return onlyItemOnLine ? TextEdit.del(offsetRange(document, lineStart, lineEnd)) : undefined;
}

/** Replaces one entry of a list with others, in the list's style; no others removes it. */
export function replaceListItem(document: TextDocument, list: YAMLSeq, item: unknown, items: readonly NewItem[]): TextEdit[] {
  const range = (item as Ranged | undefined)?.range;
  if (!range || !list.items.includes(item)) return [];
  if (items.length === 0) {
    const removal = removeListItem(document, list, item);
    return removal ? [removal] : [];
  }
  if (list.flow) return [TextEdit.replace(offsetRange(document, range[0], range[1]), flowItems(items))];
  const [first, ...rest] = items;
  const edits = [TextEdit.replace(offsetRange(document, range[0], range[1]), yamlScalar(first.text))];
  if (rest.length) edits.push(insertItemsAfter(document, item as Ranged, rest));
  return edits;
}

/** New `- item` lines after the line of `node` (a block list entry), at the indentation of its dash. */
function insertItemsAfter(document: TextDocument, node: Ranged, items: readonly NewItem[]): TextEdit {
  const text = document.getText();
  const eol = lineEnding(text);
  const [start, end] = node.range ?? [0, 0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = text.indexOf('-', lineStart);
  const indent = ' '.repeat(Math.max(0, (dash < 0 || dash > start ? start : dash) - lineStart));
  const newline = text.indexOf('\n', Math.max(start, end - 1));
  const lineEnd = newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  return TextEdit.insert(document.positionAt(lineEnd), items.map((item) => `${eol}${indent}${blockItem(item)}`).join(''));
}

/** The list node of a list field, when its value is a written list. */
export function listNode(field: { node: unknown } | undefined): YAMLSeq | undefined {
  return isSeq(field?.node) ? field.node : undefined;
}

/** The entry of a list written at `offset` (where a diagnostic on it starts). */
export function listItemAt(list: YAMLSeq, offset: number): unknown {
  return list.items.find((item) => (item as Ranged | null)?.range?.[0] === offset);
}

/**
 * Appends a map item (`- key: value` lines, or `{ key: value }` in a flow list) to a list of maps, in
 * the list's style, at the indentation of its last item. Values are written as YAML scalars.
 */
export function appendMapItem(document: TextDocument, list: YAMLSeq, entries: readonly [string, string][]): TextEdit {
  const text = document.getText();
  const eol = lineEnding(text);
  const flow = `{ ${entries.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ')} }`;
  const last = list.items[list.items.length - 1] as Ranged | undefined;
  if (list.flow || !last?.range) {
    if (!last?.range) return TextEdit.insert(document.positionAt(text.lastIndexOf(']', (list.range?.[1] ?? 1) - 1)), flow);
    return TextEdit.insert(document.positionAt(last.range[1]), `, ${flow}`);
  }
  const [start] = last.range;
  let end = last.range[1];
  while (end > start && /\s/.test(text[end - 1])) end--;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const dash = text.lastIndexOf('-', start);
  const dashIndent = ' '.repeat(Math.max(0, (dash >= lineStart ? dash : start) - lineStart));
  const itemIndent = ' '.repeat(start - lineStart);
  // Items written `- { ... }` get one more of the same.
  const lines = isMap(last) && last.flow ? [`${dashIndent}- ${flow}`] : entries.map(([k, v], index) => `${index === 0 ? `${dashIndent}- ` : itemIndent}${k}: ${yamlScalar(v)}`);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  return TextEdit.insert(document.positionAt(lineEnd), lines.map((line) => `${eol}${line}`).join(''));
}
