/**
 * A diff for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the summary in bold, then a table per
 * kind of change. Every name, reason and message from the files is escaped (routes.ts `markdownText`),
 * so that a file cannot add links, images or HTML to the comment.
 */
import type { DesignDiff, FindingChange } from '../../../../review/diff';
import { axisText, markdownText } from '../routes';
import { cellText } from './text';
import { entityText, flowName, moveText, routeLabel, summaryOf } from './words';

function table(title: string, header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return ['', `#### ${title}`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((cells) => `| ${cells.map(markdownText).join(' | ')} |`)];
}

const findingRow = (f: FindingChange) => [f.file, String(f.range.start.line + 1), f.severity, f.code, f.message];

export function formatDiffMarkdown(diff: DesignDiff, base: string, head: string): string {
  const lines = [
    `### ppnet diff: ${markdownText(base)} → ${markdownText(head)}`,
    '',
    `**${markdownText(summaryOf(diff.summary))}.**`,
    ...table(
      'Flows that change route',
      ['File', 'Flow', 'Route', 'Why before', 'Why now'],
      diff.flows.moved.map((m) => [m.file, flowName(m), moveText(m), m.base.reason, m.head.reason]),
    ),
    ...table('Flows added', ['File', 'Flow', 'Route', 'Why'], diff.flows.added.map((f) => [f.file, flowName(f), routeLabel(f.route), f.reason])),
    ...table('Flows removed', ['File', 'Flow', 'Route', 'Why'], diff.flows.removed.map((f) => [f.file, flowName(f), routeLabel(f.route), f.reason])),
    ...table('Findings that appear', ['File', 'Line', 'Severity', 'Code', 'Message'], diff.findings.appeared.map(findingRow)),
    ...table('Findings that disappear', ['File', 'Line in the base', 'Severity', 'Code', 'Message'], diff.findings.disappeared.map(findingRow)),
    ...table('Entities', ['File', 'Change'], [
      ...diff.entities.renamed.map((e) => [e.file, entityText(e, 'renamed')]),
      ...diff.entities.added.map((e) => [e.file, entityText(e, 'added')]),
      ...diff.entities.removed.map((e) => [e.file, entityText(e, 'removed')]),
    ]),
    ...table('Route matrix', ['File', 'From', 'To', 'Route'], diff.cells.map((c) => [c.file, axisText(c.row), axisText(c.column), cellText(c)])),
  ];
  return lines.join('\n') + '\n';
}
