/**
 * Colours and line styles of the diagram for each theme kind. Routes differ by dash pattern and width
 * as well as by colour, so that they stay apart in high contrast and in print.
 */
import type { EdgeClass, GroupKind, NodeKind } from '../protocol/graph';
import { EDGE_WORDS, EdgeWords } from '../protocol/vocabulary';

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export const THEME_KINDS: readonly ThemeKind[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];

/** How an edge class is drawn, with the legend's words (protocol/vocabulary.ts). */
export interface RouteStyle extends EdgeWords {
  width: number;
  /** SVG stroke-dasharray, or '' for a solid line. */
  dash: string;
}

const LINES: Record<EdgeClass, Pick<RouteStyle, 'width' | 'dash'>> = {
  expressroute: { width: 3.5, dash: '' },
  internet: { width: 2.5, dash: '9 5' },
  'microsoft-backbone': { width: 2.5, dash: '1.5 4.5' },
  'virtual-network': { width: 3, dash: '8 3 2 3' },
  'no-route': { width: 2.5, dash: '3 3' },
  unknown: { width: 2, dash: '12 4 2 4' },
  attachment: { width: 1.25, dash: '' },
};

export const ROUTE_STYLES = Object.fromEntries(
  Object.entries(LINES).map(([edge, line]) => [edge, { ...EDGE_WORDS[edge as EdgeClass], ...line }]),
) as Readonly<Record<EdgeClass, RouteStyle>>;

/** The legend's order. */
export const LEGEND_CLASSES: readonly EdgeClass[] = ['expressroute', 'internet', 'microsoft-backbone', 'virtual-network', 'no-route', 'unknown'];

export interface Palette {
  background: string;
  text: string;
  muted: string;
  nodeFill: string;
  nodeStroke: string;
  error: string;
  warning: string;
  /** The mark of an entity that differs from what is deployed (drift). */
  drift: string;
  onBadge: string;
  routes: Record<EdgeClass, string>;
  groups: Record<GroupKind, { fill: string; stroke: string; text: string }>;
  accents: Record<NodeKind, string>;
}

const ACCENTS_LIGHT: Record<NodeKind, string> = {
  environment: '#742774',
  site: '#57606a',
  circuit: '#1a7f37',
  gateway: '#0e7490',
  connector: '#8250df',
  desktopFlow: '#0550ae',
  azureService: '#0078d4',
  enterprisePolicy: '#005a9e',
  datacenters: '#742774',
  internet: '#bc4c00',
  cdn: '#bc4c00',
  'service-bus': '#0e7490',
  relay: '#0e7490',
  service: '#6e7781',
  group: '#57606a',
};

const ACCENTS_DARK: Record<NodeKind, string> = {
  environment: '#d2a8ff',
  site: '#8b949e',
  circuit: '#3fb950',
  gateway: '#39c5cf',
  connector: '#bc8cff',
  desktopFlow: '#79c0ff',
  azureService: '#58a6ff',
  enterprisePolicy: '#a5d6ff',
  datacenters: '#d2a8ff',
  internet: '#f0883e',
  cdn: '#f0883e',
  'service-bus': '#39c5cf',
  relay: '#39c5cf',
  service: '#8b949e',
  group: '#8b949e',
};

export const PALETTES: Record<ThemeKind, Palette> = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    muted: '#59636e',
    nodeFill: '#ffffff',
    nodeStroke: '#c8d1da',
    error: '#cf222e',
    warning: '#9a6700',
    drift: '#bf3989',
    onBadge: '#ffffff',
    routes: {
      expressroute: '#1a7f37',
      internet: '#d1570b',
      'microsoft-backbone': '#0969da',
      'virtual-network': '#8250df',
      'no-route': '#cf222e',
      unknown: '#6e7781',
      attachment: '#8c959f',
    },
    groups: {
      site: { fill: '#f6f8fa', stroke: '#d0d7de', text: '#424a53' },
      region: { fill: '#faf4fb', stroke: '#dcc4e0', text: '#5c1f5c' },
      edge: { fill: '#f0faf2', stroke: '#aee0bb', text: '#116329' },
      internet: { fill: '#fff6ee', stroke: '#f2c69d', text: '#953800' },
      cloud: { fill: '#eefafa', stroke: '#9fd8dc', text: '#0b5c63' },
      azure: { fill: '#f0f6ff', stroke: '#b6d2f5', text: '#0a3069' },
    },
    accents: ACCENTS_LIGHT,
  },
  dark: {
    background: '#1e1e1e',
    text: '#e6edf3',
    muted: '#9da7b3',
    nodeFill: '#262a30',
    nodeStroke: '#444c56',
    error: '#f85149',
    warning: '#d29922',
    drift: '#db61a2',
    onBadge: '#1e1e1e',
    routes: {
      expressroute: '#3fb950',
      internet: '#f0883e',
      'microsoft-backbone': '#58a6ff',
      'virtual-network': '#d2a8ff',
      'no-route': '#f85149',
      unknown: '#9da7b3',
      attachment: '#6e7681',
    },
    groups: {
      site: { fill: '#23272d', stroke: '#3d444d', text: '#c9d1d9' },
      region: { fill: '#2a2230', stroke: '#5a3f63', text: '#e2c5ff' },
      edge: { fill: '#1d2b22', stroke: '#2f6b3d', text: '#7ee2a0' },
      internet: { fill: '#2d251e', stroke: '#76502d', text: '#ffb77c' },
      cloud: { fill: '#1a2a2c', stroke: '#2f6b70', text: '#8fe3ea' },
      azure: { fill: '#1c2533', stroke: '#2f5283', text: '#a5cdff' },
    },
    accents: ACCENTS_DARK,
  },
  'high-contrast': {
    background: '#000000',
    text: '#ffffff',
    muted: '#ffffff',
    nodeFill: '#000000',
    nodeStroke: '#6fc3df',
    error: '#ff4d4d',
    warning: '#ffd700',
    drift: '#ff7edb',
    onBadge: '#000000',
    routes: {
      expressroute: '#00ff7f',
      internet: '#ffa500',
      'microsoft-backbone': '#66b8ff',
      'virtual-network': '#ff80ff',
      'no-route': '#ff4d4d',
      unknown: '#ffffff',
      attachment: '#ffffff',
    },
    groups: {
      site: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
      region: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
      edge: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
      internet: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
      cloud: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
      azure: { fill: '#000000', stroke: '#ffffff', text: '#ffffff' },
    },
    accents: Object.fromEntries(Object.keys(ACCENTS_DARK).map((k) => [k, '#6fc3df'])) as Record<NodeKind, string>,
  },
  'high-contrast-light': {
    background: '#ffffff',
    text: '#000000',
    muted: '#000000',
    nodeFill: '#ffffff',
    nodeStroke: '#0f4a85',
    error: '#b5200d',
    warning: '#7a4d00',
    drift: '#a0116b',
    onBadge: '#ffffff',
    routes: {
      expressroute: '#006400',
      internet: '#a33c00',
      'microsoft-backbone': '#0000cd',
      'virtual-network': '#800080',
      'no-route': '#b5200d',
      unknown: '#000000',
      attachment: '#000000',
    },
    groups: {
      site: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
      region: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
      edge: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
      internet: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
      cloud: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
      azure: { fill: '#ffffff', stroke: '#000000', text: '#000000' },
    },
    accents: Object.fromEntries(Object.keys(ACCENTS_LIGHT).map((k) => [k, '#0f4a85'])) as Record<NodeKind, string>,
  },
};
