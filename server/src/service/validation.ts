/**
 * Validation: runs every rule on a topology, applies the configured levels and the disable
 * comments, and returns LSP diagnostics with code, link and exact range.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticTag } from 'vscode-languageserver-types';
import { cloudOf, Topology } from './model';
import { Finding, Level, LSP_SEVERITY, Rule, RuleContext, ruleUrl } from './rule';
import { rangeOf } from './text/ranges';
import { RULE_CODES, RULES } from './rules';
import { schemaFindingsOfWhole } from './incremental';
import type { SchemaFinding } from './schema';
import { applyDirectives, findDirectives, SuppressionReport } from './suppression';

export const DIAGNOSTIC_SOURCE = 'ppnet';

export interface ValidationOptions {
  /** Levels by rule code from `ppnet.config.yaml` (or the editor's settings). */
  ruleLevels?: Readonly<Record<string, Level>>;
}

/**
 * `schemaFindings` are the parser's (see `IncrementalParser`); without them the whole document is
 * checked against the schema when a rule first asks.
 */
export function validateTopology(
  topology: Topology,
  document: TextDocument,
  options: ValidationOptions = {},
  schemaFindings?: () => SchemaFinding[],
): Diagnostic[] {
  const levels = options.ruleLevels ?? {};
  const publicCloud = cloudOf(topology) === 'public';
  let wholeDocumentFindings: SchemaFinding[] | undefined;
  const baseContext = {
    topology,
    document,
    ruleCodes: RULE_CODES,
    schemaFindings: schemaFindings ?? (() => (wholeDocumentFindings ??= schemaFindingsOfWhole(topology.parsed))),
  };

  const runRules = (rules: Rule[], suppression?: SuppressionReport): Diagnostic[] => {
    const diagnostics: Diagnostic[] = [];
    for (const rule of rules) {
      if (levels[rule.code] === 'off') continue;
      if (rule.publicCloudOnly && !publicCloud) continue;
      const context: RuleContext = {
        ...baseContext,
        suppression,
        report: (finding) => diagnostics.push(toDiagnostic(rule, finding, document, levels[rule.code])),
      };
      rule.check(context);
    }
    return diagnostics;
  };

  const found = runRules(RULES.filter((r) => r.phase !== 'suppression'));
  const { kept, report } = applyDirectives(found, findDirectives(topology.parsed.comments, document));
  const late = runRules(RULES.filter((r) => r.phase === 'suppression'), report);
  return sortDiagnostics([...kept, ...late]);
}

function toDiagnostic(rule: Rule, finding: Finding, document: TextDocument, level: Level | undefined): Diagnostic {
  const severity = level && level !== 'off' ? level : (finding.severity ?? rule.defaultSeverity);
  const diagnostic: Diagnostic = {
    range: rangeOf(document, finding.at),
    severity: LSP_SEVERITY[severity],
    code: rule.code,
    codeDescription: { href: ruleUrl(rule) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const tags = [...(finding.tags ?? []), ...(rule.unnecessary ? [DiagnosticTag.Unnecessary] : [])];
  if (tags.length) diagnostic.tags = tags;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) =>
      DiagnosticRelatedInformation.create({ uri: document.uri, range: rangeOf(document, r.at) }, r.message),
    );
  }
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      String(a.code).localeCompare(String(b.code)) ||
      a.message.localeCompare(b.message),
  );
}
