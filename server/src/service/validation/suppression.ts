/**
 * Disable comments: `# ppnet-disable-next-line <code>...` silences diagnostics whose range starts
 * on the next line that is not a comment or blank; `# ppnet-disable-file <code>...` silences them in
 * the whole file. With no code, a comment silences every rule.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { CommentLine, ParsedDocument, Span } from '../syntax/parse';

export interface DisableDirective {
  scope: 'next-line' | 'file';
  comment: CommentLine;
  /** The codes named, each with its span; empty means every rule. */
  codes: { code: string; span: Span }[];
  /** The line silenced (next-line directives only). */
  targetLine?: number;
}

export interface SuppressionReport {
  directives: DisableDirective[];
  /** Directives (and which of their codes) that silenced at least one diagnostic. */
  used: Map<DisableDirective, Set<string>>;
}

const DIRECTIVE = /^\s*ppnet-disable-(next-line|file)\b(.*)$/;

export function findDirectives(parsed: Pick<ParsedDocument, 'text' | 'comments'>, document: TextDocument): DisableDirective[] {
  // No directive without its word: then the comment lines are not even looked for.
  if (!parsed.text.includes('ppnet-disable-')) return [];
  const comments = parsed.comments;
  const directives: DisableDirective[] = [];
  // The lines are split only when a next-line directive needs its target: most files have none, and
  // splitting the whole text cost every keystroke.
  let commentLines: Set<number> | undefined;
  let lines: string[] | undefined;
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const scope = match[1] === 'file' ? 'file' : 'next-line';
    const argsStart = comment.span.start + 1 + comment.text.length - match[2].length;
    const codes: DisableDirective['codes'] = [];
    const word = /[^\s,]+/g;
    for (let m = word.exec(match[2]); m; m = word.exec(match[2])) {
      if (m[0].startsWith('#') || m[0] === '--') break; // the rest is an explanation
      codes.push({ code: m[0], span: { start: argsStart + m.index, end: argsStart + m.index + m[0].length } });
    }
    let targetLine: number | undefined;
    if (scope === 'next-line') {
      targetLine = comment.line + 1;
      commentLines ??= new Set(comments.map((c) => c.line));
      lines ??= document.getText().split(/\r?\n/);
      while (targetLine < lines.length && (commentLines.has(targetLine) || lines[targetLine].trim() === '')) targetLine++;
    }
    directives.push({ scope, comment, codes, targetLine });
  }
  return directives;
}

/** Removes silenced diagnostics and records which directive silenced what. */
export function applyDirectives(diagnostics: Diagnostic[], directives: DisableDirective[]): { kept: Diagnostic[]; report: SuppressionReport } {
  const used = new Map<DisableDirective, Set<string>>();
  const kept = diagnostics.filter((diagnostic) => {
    const code = String(diagnostic.code);
    const directive = directives.find(
      (d) =>
        (d.scope === 'file' || d.targetLine === diagnostic.range.start.line) &&
        (d.codes.length === 0 || d.codes.some((c) => c.code === code)),
    );
    if (!directive) return true;
    if (!used.has(directive)) used.set(directive, new Set());
    used.get(directive)!.add(code);
    return false;
  });
  return { kept, report: { directives, used } };
}
