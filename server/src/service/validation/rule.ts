/**
 * What a rule is: its code, default severity, source link, what it reads, its check, and its fixes.
 * Each rule lives in its own file under `rules/`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, TextEdit } from 'vscode-languageserver-types';
import { sourceUrl, SourceKey } from '../catalog/catalog';
import { Entity, Topology } from '../model/model';
import type { TrackedSection } from '../model/reads';
import type { SchemaFinding } from '../model/schema';
import type { Locatable } from '../text/ranges';
import type { SuppressionReport } from './suppression';
import type { DeployedEstate } from '../deployed/estate';
import type { Severity } from '../../../../protocol/graph';

export type { Severity } from '../../../../protocol/graph';
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
  /**
   * The severity of this finding at the rule's default level, when it is less certain than the rule's
   * others (never more severe than the default); a level set in ppnet.config.yaml applies to all.
   */
  severity?: Severity;
}

export interface RuleContext {
  readonly topology: Topology;
  readonly document: TextDocument;
  /** Structural findings of the JSON Schema, computed once per validation. */
  schemaFindings(): SchemaFinding[];
  /** The code of every rule (disable comments may name any of them). */
  readonly ruleCodes: ReadonlySet<string>;
  /** Set for rules of the `suppression` phase only. */
  readonly suppression?: SuppressionReport;
  /** What is deployed, when the validation compares the design with it (`ppnet drift`, a `deployed:` folder). */
  readonly deployed?: DeployedEstate;
  /** Codes whose rules did not run in this validation (deployment rules without an estate): a disable comment that names one is not unused. */
  readonly idleCodes: ReadonlySet<string>;
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

/** What a check of one entity is given: the topology to read (a tracked view, see `model/reads.ts`) and where to report. */
export interface EntityContext {
  readonly topology: Topology;
  report(finding: Finding): void;
}

/**
 * A check made one entity at a time. The engine keeps each entity's findings with what the check
 * read, and reports them again on the next version while the entity and those reads are unchanged:
 * a keystroke checks again the entity it changed and the entities whose check read it.
 */
export interface EntityCheck {
  /** The sections whose entities are checked, each entity once. */
  sections: readonly TrackedSection[];
  /** Reads other entities through `context.topology` only, never through a topology kept from elsewhere. */
  check(entity: Entity, context: EntityContext): void;
}

/** The entities of a section. */
export type SectionEntity<S extends TrackedSection> = Topology[S] extends Map<string, infer E> ? E : never;

/** A check of each entity of one section, typed by the section. */
export function eachOf<S extends TrackedSection>(section: S, check: (entity: SectionEntity<S>, context: EntityContext) => void): EntityCheck {
  // The engine gives `check` the entities of `section` only.
  return { sections: [section], check: check as (entity: Entity, context: EntityContext) => void };
}

interface RuleInfo {
  code: string;
  defaultSeverity: Severity;
  /** One line: what the rule finds (README, SARIF short description, completion of codes). */
  title: string;
  /** The Microsoft page the rule comes from (a catalog source key or a URL). */
  source: SourceKey | `https://${string}`;
  /** Region and community checks are for the public cloud only (`cloud-not-checked` says so). */
  publicCloudOnly?: boolean;
  /** `suppression` rules run after disable comments are applied and read `context.suppression`. */
  phase?: 'suppression';
  /**
   * The rule compares the design with what is deployed: it runs only when the validation is given an
   * estate (`ValidationOptions.deployed`), so `ppnet check` never reports it.
   */
  deployment?: boolean;
  /** Diagnostics of this rule are about unnecessary code (shown faded). */
  unnecessary?: boolean;
  fixes?(context: FixContext): Fix[];
}

/** A rule checks the whole topology at once (`check`), or each entity on its own (`eachEntity`). */
export type Rule = RuleInfo & ({ check(context: RuleContext): void; eachEntity?: undefined } | { eachEntity: EntityCheck; check?: undefined });

export function ruleUrl(rule: Rule): string {
  return rule.source.startsWith('https://') ? rule.source : sourceUrl(rule.source as SourceKey);
}
