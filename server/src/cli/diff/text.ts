/** A diff for a terminal or a CI log: the summary, then a section per kind of change, each line naming its file. */
import type { CellChange, DesignDiff, FindingChange } from '../../../../review/diff';
import { escapeControl } from '../escape';
import { axisText, routeText } from '../routes';
import { entityText, flowName, moveText, routeLabel, summaryOf } from './words';

const finding = (f: FindingChange) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}`;

/** "ExpressRoute → Public internet (more exposed)", "no flows → ExpressRoute". */
export function cellText(cell: CellChange): string {
  const side = (s: CellChange['base']) => (s ? routeText(s) : 'no flows');
  return `${side(cell.base)} → ${side(cell.head)}${cell.exposure ? ` (${cell.exposure} exposed)` : ''}`;
}

export function formatDiffText(diff: DesignDiff, base: string, head: string): string {
  const lines = [`ppnet diff: ${base} → ${head}`, `${summaryOf(diff.summary)}.`];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title}:`, ...items.map((item) => `  ${item}`));
  };
  section(
    'Flows that change route',
    diff.flows.moved.flatMap((m) => [`${m.file}: ${flowName(m)}: ${moveText(m)}`, `  before: ${m.base.reason}`, `  after: ${m.head.reason}`]),
  );
  section('Flows added', diff.flows.added.map((f) => `${f.file}: ${flowName(f)}: ${routeLabel(f.route)}: ${f.reason}`));
  section('Flows removed', diff.flows.removed.map((f) => `${f.file}: ${flowName(f)}: ${routeLabel(f.route)}`));
  section('Findings that appear', diff.findings.appeared.map(finding));
  section('Findings that disappear (lines of the base)', diff.findings.disappeared.map(finding));
  section('Entities', [
    ...diff.entities.renamed.map((e) => `${e.file}: ${entityText(e, 'renamed')}`),
    ...diff.entities.added.map((e) => `${e.file}: ${entityText(e, 'added')}`),
    ...diff.entities.removed.map((e) => `${e.file}: ${entityText(e, 'removed')}`),
  ]);
  section('Route matrix', diff.cells.map((c) => `${c.file}: ${axisText(c.row)} → ${axisText(c.column)}: ${cellText(c)}`));
  // Names and messages come from the files: their control characters are shown, never sent.
  return lines.map(escapeControl).join('\n') + '\n';
}
