/**
 * What a rule is: its code, default severity, source link, what it reads, its check, and its fixes.
 * Each rule lives in its own file under `rules/`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import { sourceUrl, SourceKey } from './catalog';
import { EntityKind, Topology } from './model';
import { Span } from './parse';
import type { SchemaFinding } from './schema';
import type { SuppressionReport } from './suppression';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Level = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export const LEVELS: readonly Level[] = ['off', ...SEVERITIES];

export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** Anything with a YAML range, or a plain span. */
export type Locatable = { range?: [number, number, number] | null } | Span;

export interface RelatedFinding {
  at: Locatable;
  message: string;
}

/** What a check reports; the engine turns it into a diagnostic with the rule's code and link. */
export interface Finding {
  at: Locatable;
  message: string;
  related?: RelatedFinding[];
  tags?: DiagnosticTag[];
  /** Facts a fix needs (kept on the diagnostic as `data`). */
  data?: unknown;
}

export interface RuleContext {
  readonly topology: Topology;
  readonly document: TextDocument;
  /** Structural findings of the JSON Schema, computed once per validation. */
  schemaFindings(): SchemaFinding[];
  /** Set for rules of the `suppression` phase only. */
  readonly suppression?: SuppressionReport;
  report(finding: Finding): void;
}

export interface FixContext {
  readonly topology: Topology;
  readonly document: TextDocument;
  /** The diagnostic being fixed, as the engine produced it (with `data`). */
  readonly diagnostic: Diagnostic;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line: what the rule finds (README, SARIF short description, completion of codes). */
  title: string;
  /** The Microsoft page the rule comes from (a catalog source key or a URL). */
  source: SourceKey | `https://${string}`;
  /** The entity kinds the check reads; `document` for checks on the text or the whole file. */
  reads: readonly (EntityKind | 'document')[];
  /** Region and community checks are for the public cloud only (`cloud-not-checked` says so). */
  publicCloudOnly?: boolean;
  /** `suppression` rules run after disable comments are applied and read `context.suppression`. */
  phase?: 'suppression';
  /** Diagnostics of this rule are about unnecessary code (shown faded). */
  unnecessary?: boolean;
  check(context: RuleContext): void;
  fixes?(context: FixContext): Fix[];
}

export function ruleUrl(rule: Rule): string {
  return rule.source.startsWith('https://') ? rule.source : sourceUrl(rule.source as SourceKey);
}

export function spanOfLocatable(at: Locatable): Span {
  if ('start' in at && 'end' in at) return at;
  const range = (at as { range?: [number, number, number] | null }).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

export function rangeOf(document: TextDocument, at: Locatable): Range {
  const span = spanOfLocatable(at);
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A quoted list for messages: `a`, `b` and `c`. */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
