/**
 * The YAML text of an imported topology, written the way the examples are: block maps, short lists of
 * scalars in flow style, a comment after a value where it says what the value is (a community's name),
 * and `# TODO` lines where a key is missing that no export holds. Scalars are plain where YAML reads
 * them back as the same string, double-quoted otherwise. The line of each marked entry is recorded,
 * so that findings can point at it.
 */

export type YamlValue = string | number | boolean | YamlValue[] | YamlMap;

export interface YamlMap {
  entries: YamlEntry[];
}

export interface YamlEntry {
  key: string;
  /** Absent: the entry is a TODO line. */
  value?: YamlValue;
  /** After the value, on its line. */
  comment?: string;
  /** For a list of scalars: a comment after each item (written as a block list). */
  itemComments?: (string | undefined)[];
  /** `# TODO <key>: <todo>`, in place of a value. */
  todo?: string;
  /** Record this entry's line (zero-based) under this name. */
  mark?: string;
}

const FLOW_WIDTH = 100;

export function isYamlMap(value: YamlValue | undefined): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain JSON value (from the map) as a YAML value; `null` and `undefined` are dropped. */
export function fromJson(value: unknown): YamlValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromJson).filter((v): v is YamlValue => v !== undefined);
  if (value && typeof value === 'object') {
    return {
      entries: Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => ({ key, value: fromJson(v) }))
        .filter((e) => e.value !== undefined),
    };
  }
  return undefined;
}

export function emitYaml(header: string[], sections: YamlEntry[]): { text: string; lines: Map<string, number> } {
  const out: string[] = header.map((line) => (line ? `# ${line}` : '#'));
  const lines = new Map<string, number>();
  sections.forEach((entry, i) => {
    if (i > 0 && (isYamlMap(entry.value) || isYamlMap(sections[i - 1].value))) out.push('');
    writeEntry(entry, '', out, lines);
  });
  return { text: out.join('\n') + '\n', lines };
}

function writeEntry(entry: YamlEntry, indent: string, out: string[], lines: Map<string, number>): void {
  if (entry.mark) lines.set(entry.mark, out.length);
  const key = scalar(entry.key);
  const comment = entry.comment ? `  # ${oneLine(entry.comment)}` : '';
  if (entry.value === undefined) {
    out.push(`${indent}# TODO ${entry.key}: ${oneLine(entry.todo ?? 'write it')}`);
    return;
  }
  const value = entry.value;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${indent}${key}: []${comment}`);
      return;
    }
    const scalars = value.every((v) => !Array.isArray(v) && !isYamlMap(v));
    const flow = scalars ? `[${value.map((v) => scalar(v as string)).join(', ')}]` : '';
    if (scalars && !entry.itemComments?.some(Boolean) && indent.length + key.length + flow.length + 2 <= FLOW_WIDTH) {
      out.push(`${indent}${key}: ${flow}${comment}`);
      return;
    }
    out.push(`${indent}${key}:${comment}`);
    value.forEach((item, i) => writeItem(item, `${indent}  `, entry.itemComments?.[i], out, lines));
    return;
  }
  if (isYamlMap(value)) {
    if (value.entries.length === 0) {
      out.push(`${indent}${key}: {}${comment}`);
      return;
    }
    out.push(`${indent}${key}:${comment}`);
    for (const child of value.entries) writeEntry(child, `${indent}  `, out, lines);
    return;
  }
  out.push(`${indent}${key}: ${scalar(value)}${comment}`);
}

function writeItem(item: YamlValue, indent: string, comment: string | undefined, out: string[], lines: Map<string, number>): void {
  const after = comment ? `  # ${oneLine(comment)}` : '';
  if (isYamlMap(item)) {
    if (item.entries.length === 0) {
      out.push(`${indent}- {}${after}`);
      return;
    }
    // The first entry goes after the dash, the others below it.
    const start = out.length;
    item.entries.forEach((child) => writeEntry(child, `${indent}  `, out, lines));
    if (out[start].trimStart().startsWith('#')) out.splice(start, 0, `${indent}-${after}`);
    else out[start] = `${indent}- ${out[start].slice(indent.length + 2)}${after}`;
    return;
  }
  if (Array.isArray(item)) {
    out.push(`${indent}- [${item.map((v) => scalar(v as string)).join(', ')}]${after}`);
    return;
  }
  out.push(`${indent}- ${scalar(item)}${after}`);
}

const PLAIN = /^[A-Za-z0-9/][A-Za-z0-9 _./:()+@-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const NUMERIC = /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xXoObB]/;

/** A scalar as YAML reads it back: plain where that is the same string, else double-quoted (JSON's escapes are YAML's). */
export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = PLAIN.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) && !/\s$/.test(value) && !/:(\s|$)/.test(value) && !/\s#/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A comment stays on its line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
