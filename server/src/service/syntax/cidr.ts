/**
 * IPv4 and IPv6 prefixes in CIDR notation: parsing (with the reason a text is not one), host bits,
 * containment and overlap. Addresses are held as bigints so that both families share the arithmetic.
 */

export type IpVersion = 4 | 6;

export interface Cidr {
  version: IpVersion;
  /** The network address, host bits cleared. */
  network: bigint;
  length: number;
}

export type CidrParse =
  | { ok: true; cidr: Cidr }
  /** `address/length` is well formed but has host bits set; `cidr` is the network that holds it. */
  | { ok: false; reason: 'host-bits'; cidr: Cidr }
  /** An address without `/length`. */
  | { ok: false; reason: 'no-length'; version: IpVersion }
  /** A prefix length beyond the family's width. */
  | { ok: false; reason: 'length'; version: IpVersion }
  | { ok: false; reason: 'syntax' };

const WIDTH: Record<IpVersion, number> = { 4: 32, 6: 128 };

/**
 * Parses are kept by text: a keystroke re-reads every prefix of the file, and most texts repeat. The
 * results are shared, so callers never change them. The table is emptied when it grows past its bound.
 */
const parsed = new Map<string, CidrParse>();
const PARSED_BOUND = 100_000;

export function parseCidr(text: string): CidrParse {
  let result = parsed.get(text);
  if (result === undefined) {
    if (parsed.size >= PARSED_BOUND) parsed.clear();
    parsed.set(text, (result = parseCidrText(text)));
  }
  return result;
}

function parseCidrText(text: string): CidrParse {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addressText = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const address = parseAddress(addressText);
  if (!address) return { ok: false, reason: 'syntax' };
  const { version, value } = address;
  if (slash < 0) return { ok: false, reason: 'no-length', version };
  const lengthText = trimmed.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(lengthText)) return { ok: false, reason: 'syntax' };
  const length = Number(lengthText);
  if (length > WIDTH[version]) return { ok: false, reason: 'length', version };
  const network = value & mask(version, length);
  const cidr = { version, network, length };
  return network === value ? { ok: true, cidr } : { ok: false, reason: 'host-bits', cidr };
}

/** `a` holds every address of `b`. */
export function containsCidr(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.length <= b.length && (b.network & mask(a.version, a.length)) === a.network;
}

/** `a` and `b` share at least one address (for prefixes: one holds the other). */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return containsCidr(a, b) || containsCidr(b, a);
}

/** The canonical text: dotted IPv4, RFC 5952 IPv6 (lower case, longest zero run as `::`). */
export function formatCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.version, cidr.network)}/${cidr.length}`;
}

/** Every mask of each family, by prefix length: containment tests ask for them in hot loops. */
const MASKS: Record<IpVersion, bigint[]> = { 4: masksOf(4), 6: masksOf(6) };

function masksOf(version: IpVersion): bigint[] {
  const width = BigInt(WIDTH[version]);
  const all = (1n << width) - 1n;
  return Array.from({ length: WIDTH[version] + 1 }, (_, length) => (all << (width - BigInt(length))) & all);
}

function mask(version: IpVersion, length: number): bigint {
  return MASKS[version][length];
}

function parseAddress(text: string): { version: IpVersion; value: bigint } | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { version: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, value };
}

/** Four decimal octets; a leading zero is refused, since some tools read it as octal. */
function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): bigint[] | undefined => {
    if (half === '') return [];
    const groups: bigint[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return undefined;
        groups.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        groups.push(BigInt(`0x${part}`));
      } else return undefined;
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  const written = head.length + tail.length;
  if (halves.length === 2 ? written > 7 : written !== 8) return undefined;
  const groups = [...head, ...Array<bigint>(8 - written).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

function formatAddress(version: IpVersion, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  // RFC 5952: compress the longest run of two or more zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
  }
  const hex = (list: number[]) => list.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/**
 * Every pair of overlapping prefixes among `items`, the holding prefix first (input order for equal
 * ones), in O(n log n + pairs): sorted by start address, widest first, the prefixes that hold the
 * current one are exactly the stack of those still open.
 */
export function overlappingPairs<T extends { cidr: Cidr }>(items: readonly T[]): [T, T][] {
  const sorted = [...items].sort(
    (a, b) =>
      a.cidr.version - b.cidr.version ||
      (a.cidr.network < b.cidr.network ? -1 : a.cidr.network > b.cidr.network ? 1 : 0) ||
      a.cidr.length - b.cidr.length,
  );
  const open: T[] = [];
  const pairs: [T, T][] = [];
  for (const item of sorted) {
    while (open.length && !containsCidr(open[open.length - 1].cidr, item.cidr)) open.pop();
    for (const holder of open) pairs.push([holder, item]);
    open.push(item);
  }
  return pairs;
}
