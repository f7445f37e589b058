/**
 * Code actions: the fixes of the rules behind the diagnostics in the request, then "Disable <code> for
 * this line" and "Disable <code> in this file", which write or extend a disable comment.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionContext, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Topology } from '../model/model';
import { ruleByCode } from '../validation/rules';
import { DisableDirective, findDirectives } from '../validation/suppression';
import { DIAGNOSTIC_SOURCE } from '../validation/engine';
import { lineEnding } from '../text/layout';

export function getCodeActions(topology: Topology, document: TextDocument, context: CodeActionContext): CodeAction[] {
  if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const rule = ruleByCode(String(diagnostic.code));
    for (const fix of rule?.fixes?.({ topology, document, diagnostic }) ?? []) {
      actions.push(quickFix(document, fix.title, fix.edits, [diagnostic], fix.isPreferred));
    }
  }
  actions.push(...disableActions(topology, document, diagnostics));
  return actions;
}

function quickFix(document: TextDocument, title: string, edits: TextEdit[], diagnostics: Diagnostic[], isPreferred?: boolean): CodeAction {
  const action = CodeAction.create(title, { changes: { [document.uri]: edits } }, CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  if (isPreferred) action.isPreferred = true;
  return action;
}

/** One "for this line" action per code and line, and one "in this file" action per code. */
function disableActions(topology: Topology, document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const directives = findDirectives(topology.parsed, document);
  const lines = document.getText().split(/\r?\n/);
  const byLine = new Map<string, Diagnostic[]>();
  const byCode = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const code = String(diagnostic.code);
    const line = diagnostic.range.start.line;
    // A directive silences the next line that is not a comment or blank, so it cannot reach those.
    if (/^\s*(#.*)?$/.test(lines[line] ?? '')) {
      push(byCode, code, diagnostic);
      continue;
    }
    push(byLine, `${line}\u0000${code}`, diagnostic);
    push(byCode, code, diagnostic);
  }
  const actions: CodeAction[] = [];
  for (const [key, group] of byLine) {
    const [line, code] = key.split('\u0000');
    const edit = disableForLine(document, directives, lines, Number(line), code);
    actions.push(quickFix(document, `Disable ${code} for this line`, [edit], group));
  }
  for (const [code, group] of byCode) {
    actions.push(quickFix(document, `Disable ${code} in this file`, [disableInFile(document, directives, lines, code)], group));
  }
  return actions;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function disableForLine(document: TextDocument, directives: DisableDirective[], lines: string[], line: number, code: string): TextEdit {
  const existing = directives.find((d) => d.scope === 'next-line' && d.targetLine === line && d.codes.length > 0);
  if (existing) return appendCode(document, existing, code);
  const indent = /^[ \t]*/.exec(lines[line])![0];
  return TextEdit.insert({ line, character: 0 }, `${indent}# ppnet-disable-next-line ${code}${lineEnding(document.getText())}`);
}

/** Extends the file's disable comment, or writes one at the top, after the comments that open the file. */
function disableInFile(document: TextDocument, directives: DisableDirective[], lines: string[], code: string): TextEdit {
  const existing = directives.find((d) => d.scope === 'file' && d.codes.length > 0);
  if (existing) return appendCode(document, existing, code);
  let line = 0;
  for (let i = 0; i < lines.length && /^\s*(#.*)?$/.test(lines[i]); i++) if (lines[i].trim() !== '') line = i + 1;
  return TextEdit.insert({ line, character: 0 }, `# ppnet-disable-file ${code}${lineEnding(document.getText())}`);
}

function appendCode(document: TextDocument, directive: DisableDirective, code: string): TextEdit {
  const last = directive.codes[directive.codes.length - 1];
  return TextEdit.insert(document.positionAt(last.span.end), ` ${code}`);
}

