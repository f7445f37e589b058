/**
 * Text edits the rule fixes share: replace a value, and set a key in an entity's map the way the file
 * already writes it (block or flow style, the map's own indentation, the file's line ends).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { isMap, isScalar, Scalar, YAMLMap } from 'yaml';
import { isMergeKey } from './parse';
import type { Fix } from './rule';

type Ranged = { range?: [number, number, number] | null };

/** Replaces a node's value text (not its trailing comment) with `text`. */
export function replaceNode(document: TextDocument, node: Ranged, text: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return TextEdit.replace({ start: document.positionAt(start), end: document.positionAt(end) }, text);
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
  return addKey(document, owner, `${name}: ${value}`);
}

function addKey(document: TextDocument, owner: MapOwner, entry: string): TextEdit {
  const text = document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const map = owner.map;
  if (map && isMap(map) && map.range) {
    if (map.flow) {
      const close = text.lastIndexOf('}', map.range[1] - 1);
      const last = map.items[map.items.length - 1];
      if (!last) return TextEdit.replace(rangeOf(document, map.range[0], map.range[1]), `{ ${entry} }`);
      const end = ((last.value as Ranged | null)?.range ?? (last.key as Ranged).range ?? [close, close])[1];
      return TextEdit.insert(document.positionAt(Math.min(end, close)), `, ${entry}`);
    }
    const indent = ' '.repeat(document.positionAt(map.range[0]).character);
    const end = map.range[1];
    const atLineStart = end > 0 && text[end - 1] === '\n';
    return TextEdit.insert(document.positionAt(end), atLineStart ? `${indent}${entry}${eol}` : `${eol}${indent}${entry}`);
  }
  // No map yet: `id: ~` becomes a flow map; `id:` with nothing after it opens a block map one
  // indentation step below the key.
  const colon = colonAfter(document, owner.key);
  const lineEnd = text.indexOf('\n', colon);
  const line = text.slice(colon, lineEnd < 0 ? text.length : lineEnd);
  const written = /^\s*([^\s#][^#]*?)\s*(#.*)?\r?$/.exec(line);
  if (written) {
    const start = colon + line.indexOf(written[1]);
    return TextEdit.replace(rangeOf(document, start, start + written[1].length), `{ ${entry} }`);
  }
  const column = document.positionAt(owner.key.range?.[0] ?? 0).character;
  const indent = ' '.repeat(column + (column > 0 ? column : 2));
  const at = colon + line.replace(/\r$/, '').length;
  return TextEdit.insert(document.positionAt(at), `${eol}${indent}${entry}`);
}

/** The offset just after the `:` that follows a key. */
function colonAfter(document: TextDocument, key: Scalar): number {
  const text = document.getText();
  const from = key.range?.[1] ?? 0;
  const colon = text.indexOf(':', from);
  return colon < 0 ? from : colon + 1;
}

function rangeOf(document: TextDocument, start: number, end: number) {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
