/** Where a finding is, as CI systems count: lines and columns from 1, paths with forward slashes. */
import type { Range } from 'vscode-languageserver-types';

export interface OneBasedRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(range: Range): OneBasedRegion {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** The file as the report names it: the same on Windows as elsewhere. */
export function slashPath(file: string): string {
  return file.replace(/\\/g, '/');
}
