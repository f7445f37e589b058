/**
 * The layout of large graphs: a layered layout with the columns fixed by the kinds of nodes (as ELK is
 * told with partitions), written for the shape of these graphs and linear in their size (sorting
 * aside), where ELK's layered algorithm with hierarchical edges is not (bench/RESULTS.md has both).
 *
 * - Each group is a block: its nodes in sub-columns by kind, stacked, each node pulled towards the
 *   nodes it is linked to in the block (one sweep each way, order kept). A node outside any group
 *   (a collapsed group in the overview) is a block of its own.
 * - Blocks go in the column of their leftmost node, stacked; the first column in graph order, each
 *   next one ordered and placed by where its links to the columns before it are (barycenters).
 * - Edges are orthogonal: out of a node's side, along a track in the channel between columns (one
 *   track per target, so edges into one node merge), into the other node's side.
 *
 * Why not ELK at this size (elkjs 0.10.2, layout alone, generated units as in bench/generate.ts, on a
 * shared 2-vCPU machine): with the options of elkLayout.ts 2.5 s at 20 units and 7 to 10 s at 60 (the
 * issue measured 394 s at 300); with the cheapest options (LAYER_SWEEP, thoroughness 1, BRANDES_KOEPF,
 * no model order) 2.0 s at 60 and 46 s at 300; SEPARATE_CHILDREN 1.8 s at 60 without routing the edges
 * between groups; even the groups alone (318 nodes at 300 units) take 14 s, 2.3 s with the cheapest
 * options. This layout takes tens of milliseconds at 60 units and a few hundred at 300.
 *
 * Deterministic, and driven by graph order, links and box sizes, never by ids: renaming an entity
 * leaves everything else where it was. Group headers are cut to their block's width, so that a longer
 * name does not widen a column.
 */
import type { Graph, GraphEdge, GraphGroup, GraphNode } from '../protocol/graph';
import { Box, columnOf, GROUP_HEADER, groupColumn, LaidOutGraph, measureGroup, measureNode, nodesByGroup, PlacedEdge, PlacedGroup, PlacedNode, Point } from './geometry';

const MARGIN = 24;
const PAD = { top: GROUP_HEADER + 8, left: 16, right: 16, bottom: 16 };
const NODE_GAP = 18;
const BLOCK_GAP = 24;
const SUB_COLUMN_GAP = 56;
const GROUP_MIN_HEIGHT = 80;
const CHANNEL_MIN = 56;
const CHANNEL_MAX = 320;
const TRACK_SPACING = 6;

interface Item {
  placed: Omit<PlacedNode, 'x' | 'y'>;
  block: Block;
  sub: number;
  /** Position in the block, and in graph order. */
  x: number;
  y: number;
  order: number;
}

interface Block {
  index: number;
  group?: GraphGroup;
  column: number;
  order: number;
  subColumns: Item[][];
  subX: number[];
  subWidth: number[];
  width: number;
  height: number;
  x: number;
  y: number;
}

const center = (item: Item) => item.block.y + item.y + item.placed.height / 2;

function mean(values: number[]): number | undefined {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** Without repeated points and the middle ones of straight runs. */
function simplify(points: Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last && Math.abs(last.x - point.x) < 0.01 && Math.abs(last.y - point.y) < 0.01) continue;
    const before = kept[kept.length - 2];
    if (before && last && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y))) kept.pop();
    kept.push(point);
  }
  return kept;
}

/** Keeps the order, moves each item to its wanted top where it can, never closer than `gap` to the one before. */
function placeInOrder(items: { size: number; want: number }[], gap: number): number[] {
  const tops: number[] = [];
  let next = -Infinity;
  for (const { size, want } of items) {
    const top = Math.max(want, next);
    tops.push(top);
    next = top + size + gap;
  }
  return tops;
}

/** Stable sort by a key; items without one keep their place relative to each other, after those with one. */
function sortByKey<T>(items: T[], key: (item: T) => number | undefined): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: key(item) }));
  keyed.sort((a, b) => (a.key ?? Infinity) - (b.key ?? Infinity) || a.index - b.index);
  return keyed.map((k) => k.item);
}

export function gridLayout(graph: Graph): LaidOutGraph {
  const members = nodesByGroup(graph);
  const items = new Map<string, Item>();
  const blocks: Block[] = [];
  const blockOfGroup = new Map<string, Block>();

  // ---- Blocks and their sub-columns, in graph order ----
  const newBlock = (group: GraphGroup | undefined, nodes: GraphNode[], order: number, column: number): Block => {
    const block: Block = { index: blocks.length, ...(group && { group }), column, order, subColumns: [], subX: [], subWidth: [], width: 0, height: 0, x: 0, y: 0 };
    const columns = [...new Set(nodes.map(columnOf))].sort((a, b) => a - b);
    block.subColumns = columns.map(() => []);
    for (const node of nodes) {
      const sub = columns.indexOf(columnOf(node));
      const item: Item = { placed: measureNode(node), block, sub, x: 0, y: 0, order: items.size };
      items.set(node.id, item);
      block.subColumns[sub].push(item);
    }
    blocks.push(block);
    return block;
  };
  const firstIndex = new Map(graph.nodes.map((n, i) => [n.id, i]));
  for (const group of graph.groups) {
    const nodes = members.get(group.id)!;
    const order = nodes.length ? firstIndex.get(nodes[0].id)! : graph.nodes.length;
    blockOfGroup.set(group.id, newBlock(group, nodes, order, groupColumn(group, nodes)));
  }
  for (const node of graph.nodes) {
    if (node.group === undefined || !blockOfGroup.has(node.group)) newBlock(undefined, [node], firstIndex.get(node.id)!, columnOf(node));
  }

  // Links between nodes (both ways), and the box an edge end stands for (a node, or a whole group).
  const links = new Map<Item, Item[]>();
  const link = (a: Item, b: Item) => {
    const list = links.get(a);
    if (list) list.push(b);
    else links.set(a, [b]);
  };
  // An edge from a whole group (a region its flows start at) pulls towards the group's block.
  const groupLinks = new Map<Item, Block[]>();
  for (const edge of graph.edges) {
    const a = items.get(edge.from);
    const b = items.get(edge.to);
    if (a && b && a !== b) {
      link(a, b);
      link(b, a);
    }
    const [item, group] = a ? [a, blockOfGroup.get(edge.to)] : [b, blockOfGroup.get(edge.from)];
    if (item && group) groupLinks.set(item, [...(groupLinks.get(item) ?? []), group]);
  }

  // ---- Inside a block: widths, then tops (the first sub-column stacked, the others pulled to their links) ----
  const arrangeBlock = (block: Block) => {
    const subs = block.subColumns;
    for (let s = 1; s < subs.length; s++) {
      const rank = new Map<Item, number>();
      subs[s - 1].forEach((item, i) => rank.set(item, i));
      subs[s] = sortByKey(subs[s], (item) => mean((links.get(item) ?? []).filter((o) => rank.has(o)).map((o) => rank.get(o)!)));
    }
    const stack = (sub: Item[], want: (item: Item) => number | undefined) => {
      let previous = 0;
      const tops = placeInOrder(
        sub.map((item) => {
          const wanted = want(item);
          const top = wanted !== undefined ? wanted - item.placed.height / 2 : previous;
          previous = top + item.placed.height + NODE_GAP;
          return { size: item.placed.height, want: top };
        }),
        NODE_GAP,
      );
      sub.forEach((item, i) => (item.y = tops[i]));
    };
    // Pulled by the linked nodes of the block in the sub-columns before (`before`) or after `s`.
    const pulledBy = (item: Item, s: number, before: boolean) =>
      mean((links.get(item) ?? []).filter((o) => o.block === block && (before ? o.sub < s : o.sub > s)).map((o) => o.y + o.placed.height / 2));
    subs.forEach((sub, s) => stack(sub, (item) => (s === 0 ? undefined : pulledBy(item, s, true))));
    for (let s = subs.length - 2; s >= 0; s--) stack(subs[s], (item) => pulledBy(item, s, false) ?? item.y + item.placed.height / 2);
    const ys = subs.flatMap((sub) => sub.map((item) => item.y));
    const top = ys.length ? Math.min(...ys) : 0;
    const inset = block.group ? PAD : { top: 0, left: 0, right: 0, bottom: 0 };
    let x = inset.left;
    let bottom = 0;
    subs.forEach((sub, s) => {
      const width = Math.max(...sub.map((item) => item.placed.width));
      block.subX[s] = x;
      block.subWidth[s] = width;
      for (const item of sub) {
        item.x = x;
        item.y = item.y - top + inset.top;
        bottom = Math.max(bottom, item.y + item.placed.height);
      }
      x += width + SUB_COLUMN_GAP;
    });
    const contentWidth = subs.length ? x - SUB_COLUMN_GAP : inset.left;
    const emptyWidth = block.group ? measureGroup(block.group, 200).minWidth : 0;
    block.width = subs.length ? contentWidth + inset.right : emptyWidth;
    block.height = block.group ? Math.max(GROUP_MIN_HEIGHT, bottom + inset.bottom, subs.length ? 0 : GROUP_MIN_HEIGHT) : bottom;
  };

  // ---- Columns: left to right, each block placed where its links to the columns before it are ----
  const columns = [...new Set(blocks.map((b) => b.column))].sort((a, b) => a - b);
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const blocksIn: Block[][] = columns.map((c) => blocks.filter((b) => b.column === c).sort((a, b) => a.order - b.order));
  const placed = new Set<Block>();
  const leftCenters = (item: Item) => [
    ...(links.get(item) ?? []).filter((o) => placed.has(o.block) && o.block.column < item.block.column).map(center),
    ...(groupLinks.get(item) ?? []).filter((b) => placed.has(b) && b.column < item.block.column).map((b) => b.y + b.height / 2),
  ];
  blocksIn.forEach((column, c) => {
    for (const block of column) {
      // The first sub-column follows the order of what it links to on the left.
      if (c > 0 && block.subColumns.length) block.subColumns[0] = sortByKey(block.subColumns[0], (item) => mean(leftCenters(item)));
      block.y = 0;
      arrangeBlock(block);
    }
    const wants = new Map<Block, number | undefined>();
    for (const block of column) {
      const offsets = block.subColumns.flat().flatMap((item) => leftCenters(item).map((y) => y - (item.y + item.placed.height / 2)));
      wants.set(block, c > 0 ? mean(offsets) : undefined);
    }
    const ordered = sortByKey(column, (block) => (wants.get(block) !== undefined ? wants.get(block)! + block.height / 2 : undefined));
    let previous = MARGIN;
    const tops = placeInOrder(
      ordered.map((block) => {
        const want = wants.get(block) ?? previous;
        previous = Math.max(previous, want) + block.height + BLOCK_GAP;
        return { size: block.height, want };
      }),
      BLOCK_GAP,
    );
    ordered.forEach((block, i) => {
      block.y = tops[i];
      placed.add(block);
    });
    blocksIn[c] = ordered;
  });
  // Nothing above the margin.
  const shift = MARGIN - Math.min(MARGIN, ...blocks.map((b) => b.y));
  for (const block of blocks) block.y += shift;

  // ---- Channels: the gaps between columns (gap c is left of column c) and between sub-columns ----
  // An edge leaves its source's side into a gap and enters its target's side from a gap, on a track
  // each (one per source and one per target, so that edges out of or into one node run together).
  // When the two gaps differ, it crosses the columns between them where no block is.
  type End = { item?: Item; block: Block };
  const endOf = (id: string): End | undefined => {
    const item = items.get(id);
    if (item) return { item, block: item.block };
    const block = blockOfGroup.get(id);
    return block && { block };
  };
  const centerOf = (end: End) => (end.item ? center(end.item) : end.block.y + end.block.height / 2);
  interface Route {
    edge: GraphEdge;
    from: End;
    to: End;
    /** Leaves the source on its left (a target further left), enters the target on its right (not further right). */
    fromLeft: boolean;
    toRight: boolean;
    out: string;
    in: string;
    /** The columns between the two gaps, when there are any. */
    between?: [number, number];
  }
  const routes: Route[] = [];
  const tracks = new Map<string, Map<string, number>>(); // channel -> track key -> the centre y it serves
  const addTrack = (channel: string, key: string, y: number) => {
    let keys = tracks.get(channel);
    if (!keys) tracks.set(channel, (keys = new Map()));
    if (!keys.has(key)) keys.set(key, y);
  };
  for (const edge of graph.edges) {
    const from = endOf(edge.from);
    const to = endOf(edge.to);
    if (!from || !to) continue;
    const i = columnIndex.get(from.block.column)!;
    const j = columnIndex.get(to.block.column)!;
    let route: Route;
    if (from.block === to.block && from.item && to.item && to.item.sub > from.item.sub) {
      const channel = `sub:${to.block.index}:${to.item.sub}`;
      route = { edge, from, to, fromLeft: false, toRight: false, out: channel, in: channel };
    } else if (j > i) {
      route = { edge, from, to, fromLeft: false, toRight: false, out: `gap:${i + 1}`, in: `gap:${j}`, ...(j > i + 1 && { between: [i + 1, j - 1] as [number, number] }) };
    } else if (j < i) {
      route = { edge, from, to, fromLeft: true, toRight: true, out: `gap:${i}`, in: `gap:${j + 1}`, ...(i > j + 1 && { between: [j + 1, i - 1] as [number, number] }) };
    } else {
      route = { edge, from, to, fromLeft: false, toRight: true, out: `gap:${i + 1}`, in: `gap:${i + 1}` };
    }
    routes.push(route);
    addTrack(route.in, `to\u0000${edge.to}\u0000${route.toRight}`, centerOf(to));
    if (route.out !== route.in) addTrack(route.out, `from\u0000${edge.from}\u0000${route.fromLeft}`, centerOf(from));
  }
  const channelWidth = (channel: string) => Math.min(CHANNEL_MAX, Math.max(CHANNEL_MIN, 24 + TRACK_SPACING * (tracks.get(channel)?.size ?? 0)));
  const columnX: number[] = [];
  const columnWidth: number[] = [];
  let x = MARGIN;
  blocksIn.forEach((column, c) => {
    if (c > 0) x += channelWidth(`gap:${c}`);
    columnX[c] = x;
    columnWidth[c] = Math.max(0, ...column.map((b) => b.width));
    for (const block of column) block.x = x;
    x += columnWidth[c];
  });
  const trailing = tracks.has(`gap:${columns.length}`) ? channelWidth(`gap:${columns.length}`) : 0;
  const gapSpan = (channel: string): [number, number] => {
    if (channel.startsWith('sub:')) {
      const [, b, s] = channel.split(':').map(Number);
      const block = blocks[b];
      const right = block.x + block.subX[s];
      return [right - SUB_COLUMN_GAP, right];
    }
    const c = Number(channel.slice('gap:'.length));
    const left = columnX[c - 1] + columnWidth[c - 1];
    return [left, c < columns.length ? columnX[c] : left + trailing];
  };
  const trackX = new Map<string, Map<string, number>>();
  for (const [channel, keys] of tracks) {
    const [left, right] = gapSpan(channel);
    const inner = Math.max(0, right - left - 16);
    const sorted = [...keys].sort((a, b) => a[1] - b[1]);
    trackX.set(channel, new Map(sorted.map(([key], i) => [key, left + 8 + (inner * (i + 0.5)) / sorted.length])));
  }

  // Where blocks are in a range of columns: merged intervals of y, cached per range.
  const occupied = new Map<string, [number, number][]>();
  const occupiedIn = ([lo, hi]: [number, number]) => {
    const key = `${lo}:${hi}`;
    let merged = occupied.get(key);
    if (!merged) {
      const spans = blocksIn.slice(lo, hi + 1).flatMap((column) => column.map((b): [number, number] => [b.y - BLOCK_GAP / 2, b.y + b.height + BLOCK_GAP / 2]));
      spans.sort((a, b) => a[0] - b[0]);
      merged = [];
      for (const span of spans) {
        const last = merged[merged.length - 1];
        if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
        else merged.push([...span]);
      }
      occupied.set(key, merged);
    }
    return merged;
  };
  /** `y` when the columns are free there, else the nearest free y. */
  const freeY = (between: [number, number], y: number) => {
    const merged = occupiedIn(between);
    let low = 0;
    let high = merged.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (merged[mid][1] < y) low = mid + 1;
      else if (merged[mid][0] > y) high = mid - 1;
      else return y - merged[mid][0] <= merged[mid][1] - y ? merged[mid][0] : merged[mid][1];
    }
    return y;
  };

  // ---- Output ----
  const nodes: PlacedNode[] = [];
  const groups: PlacedGroup[] = [];
  for (const block of [...blocks].sort((a, b) => a.order - b.order)) {
    if (block.group) {
      // The header is cut to the block, so that a long name never widens its column.
      const text = measureGroup(block.group, block.width - 32);
      groups.push({ group: block.group, label: text.label, ...(text.detail !== undefined && { detail: text.detail }), x: block.x, y: block.y, width: block.width, height: block.height });
    }
  }
  for (const node of graph.nodes) {
    const item = items.get(node.id)!;
    nodes.push({ ...item.placed, x: item.block.x + item.x, y: item.block.y + item.y });
  }
  const boxOf = (end: End): Box =>
    end.item
      ? { x: end.block.x + end.item.x, y: end.block.y + end.item.y, width: end.item.placed.width, height: end.item.placed.height }
      : { x: end.block.x, y: end.block.y, width: end.block.width, height: end.block.height };
  const edges: PlacedEdge[] = routes.map((route) => {
    const { edge } = route;
    const a = boxOf(route.from);
    const b = boxOf(route.to);
    const ay = a.y + a.height / 2;
    const by = b.y + b.height / 2;
    const tIn = trackX.get(route.in)!.get(`to\u0000${edge.to}\u0000${route.toRight}`)!;
    const tOut = route.out === route.in ? tIn : trackX.get(route.out)!.get(`from\u0000${edge.from}\u0000${route.fromLeft}`)!;
    let y = ay;
    if (route.between) {
      y = freeY(route.between, ay);
      if (y !== ay) y = freeY(route.between, by);
    }
    const points = [
      { x: route.fromLeft ? a.x : a.x + a.width, y: ay },
      { x: tOut, y: ay },
      { x: tOut, y },
      { x: tIn, y },
      { x: tIn, y: by },
      { x: route.toRight ? b.x + b.width : b.x, y: by },
    ];
    return { id: edge.id, points: simplify(points) };
  });
  const width = Math.ceil(Math.max(x + trailing, ...blocks.map((b) => b.x + b.width)) + MARGIN);
  const height = Math.ceil(Math.max(0, ...blocks.map((b) => b.y + b.height)) + MARGIN);
  return { graph, width, height, nodes, groups, edges, engine: 'grid' };
}
