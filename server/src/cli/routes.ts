/**
 * The preview's route matrix for a CI job to publish (`ppnet routes`: "which flows cross the public
 * internet?"), as text, JSON, CSV or Markdown. A folder means every topology file below it, each row
 * prefixed by its file.
 */
import * as fs from 'fs';
import { collectFiles } from './check';
import type { RunContext } from './command';
import { RunFailure } from './errors';
import { graphOfInput } from './graph';
import { STDIN } from './inputs';
import { axisTitle, MatrixCell, MatrixColumn, MatrixRow, mergeMatrices, ROUTE_EXPOSURE, RouteMatrix, routeMatrix } from '../../../diagram/matrix';
import { ROUTE_WORDS } from '../../../protocol/vocabulary';

export const ROUTES_FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
export type RoutesFormat = (typeof ROUTES_FORMATS)[number];

/** The matrix of the inputs, and the file each row comes from (every row's, for a single file). */
export interface RoutesResult {
  matrix: RouteMatrix;
  /** The file of a single input that is a file; rows then keep their graph ids. */
  file?: string;
}

/** The matrix of the inputs; a path that cannot be read stops the run (its message names it and why). */
export function routesOf(inputs: string[], context: Pick<RunContext, 'service' | 'configs'>): RoutesResult {
  const files = collectFiles(inputs).map((entry) => {
    if (entry.kind === 'problem') throw new RunFailure(`${entry.problem.file}: ${entry.problem.diagnostic.message}`);
    return entry.input;
  });
  const graphOf = (input: { file: string; real: string }) => graphOfInput(input.real === STDIN ? STDIN : input.file, context).graph;
  const single = files.length === 1 && inputs.length === 1 && (inputs[0] === STDIN || !fs.statSync(inputs[0]).isDirectory());
  if (single) return { matrix: routeMatrix(graphOf(files[0])), file: files[0].file };
  return { matrix: mergeMatrices(files.map((input) => ({ file: input.file, matrix: routeMatrix(graphOf(input)) }))) };
}

export function formatRoutes(result: RoutesResult, format: RoutesFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result.matrix, null, 2) + '\n';
    case 'csv':
      return formatCsv(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'text':
      return formatText(result);
  }
}

// ---- One line per cell ----

interface Line {
  file: string;
  row: MatrixRow;
  column: MatrixColumn;
  cell: MatrixCell;
}

function linesOf({ matrix, file }: RoutesResult): Line[] {
  const rows = new Map(matrix.rows.map((r) => [r.id, r]));
  const columns = new Map(matrix.columns.map((c) => [c.id, c]));
  return matrix.cells.map((cell) => {
    const row = rows.get(cell.row)!;
    return { file: row.file ?? file ?? '', row, column: columns.get(cell.column)!, cell };
  });
}

export const axisText = (axis: Pick<MatrixRow | MatrixColumn, 'kind' | 'label'>) => `${axisTitle(axis.kind)} ${axis.label}`;

/** "Public internet", or "Public internet (also ExpressRoute)" for a cell whose flows take several routes. */
export function routeText(cell: Pick<MatrixCell, 'route' | 'routes'>): string {
  const others = cell.routes.filter((r) => r !== cell.route).map((r) => ROUTE_WORDS[r].label);
  return ROUTE_WORDS[cell.route].label + (others.length ? ` (also ${others.join(', ')})` : '');
}

/** "file:line:column" of the YAML a cell reveals. */
function where(line: Line): string {
  const start = line.cell.range?.start;
  return start ? `${line.file}:${start.line + 1}:${start.character + 1}` : line.file;
}

/** "12 pairs: 5 ExpressRoute, 4 Public internet, ..." by each cell's route. */
function summary(matrix: RouteMatrix): string {
  const counts = ROUTE_EXPOSURE.map((route) => [route, matrix.cells.filter((c) => c.route === route).length] as const).filter(([, n]) => n > 0);
  const pairs = `${matrix.cells.length} pair${matrix.cells.length === 1 ? '' : 's'} with flows`;
  return counts.length ? `${pairs}: ${counts.map(([route, n]) => `${n} ${ROUTE_WORDS[route].label}`).join(', ')}` : pairs;
}

/** Control characters (a terminal's escape sequences among them) as visible `\u` escapes. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is what this does
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function formatText(result: RoutesResult): string {
  const folder = result.file === undefined;
  const table = linesOf(result).map((line) => [plain((folder ? `${line.file}: ` : '') + axisText(line.row)), plain(axisText(line.column)), routeText(line.cell), plain(where(line))]);
  const header = ['FROM', 'TO', 'ROUTE', 'WHERE'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [...(table.length ? [render(header), ...table.map(render)] : []), summary(result.matrix)].join('\n') + '\n';
}

// ---- CSV (RFC 4180) ----

/**
 * A CSV field: quoted when it holds a comma, a quote or a line break, and a value that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return) led by an apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function formatCsv(result: RoutesResult): string {
  const header = ['file', 'from_kind', 'from_id', 'from', 'to_kind', 'to_id', 'to', 'route', 'routes', 'flows', 'line', 'character', 'reason'];
  const records = linesOf(result).map(({ file, row, column, cell }) => [
    file,
    row.kind,
    row.node,
    row.label,
    column.kind,
    column.id,
    column.label,
    cell.route,
    cell.routes.join(' '),
    cell.flows.join(' '),
    cell.range ? String(cell.range.start.line + 1) : '',
    cell.range ? String(cell.range.start.character + 1) : '',
    cell.reason,
  ]);
  return [header, ...records].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---- Markdown (GitHub's job summaries and pull-request comments) ----

const MARKDOWN_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for a Markdown table cell that stays text: HTML's characters as entities, Markdown's punctuation
 * (emphasis, code, links and images, strikethrough, the table's pipe) behind a backslash, line breaks as
 * spaces.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- finding control characters is what this does
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[&<>]/g, (c) => MARKDOWN_ENTITIES[c])
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    // GitHub links bare addresses: an escaped colon or dot keeps them text.
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

function formatMarkdown(result: RoutesResult): string {
  const lines = [`**${summary(result.matrix)}**`, '', '| From | To | Route | Why | Where |', '| --- | --- | --- | --- | --- |'];
  for (const line of linesOf(result)) {
    const cells = [axisText(line.row), axisText(line.column), routeText(line.cell), line.cell.reason, where(line)];
    lines.push(`| ${cells.map(markdownText).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
