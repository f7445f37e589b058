/**
 * Validation: runs every rule on a topology, applies the configured levels and the disable
 * comments, and returns LSP diagnostics with code, link and exact range.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticTag } from 'vscode-languageserver-types';
import { cloudOf, Topology } from '../model/model';
import { EntityCheck, Finding, Level, LSP_SEVERITY, Rule, RuleContext, ruleUrl } from './rule';
import { Read, readsHold, recordReads, sectionEntities, trackedView, TrackedSection } from '../model/reads';
import type { Entity } from '../model/model';
import { rangeOf } from '../text/ranges';
import { RULE_CODES, RULES } from './rules';
import { schemaFindingsOfWhole } from '../model/incremental';
import type { SchemaFinding } from '../model/schema';
import { applyDirectives, findDirectives, SuppressionReport } from './suppression';
import type { DeployedEstate } from '../deployed/estate';

export const DIAGNOSTIC_SOURCE = 'ppnet';

export interface ValidationOptions {
  /** Levels by rule code from `ppnet.config.yaml` (or the editor's settings). */
  ruleLevels?: Readonly<Record<string, Level>>;
  /** What is deployed: the deployment rules (drift) compare the design with it; without it they do not run. */
  deployed?: DeployedEstate;
}

/** The codes of the rules that compare a design with what is deployed (`ppnet drift`). */
export const DEPLOYMENT_CODES: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.deployment).map((rule) => rule.code));

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
  const steps = validationSteps(topology, document, options, schemaFindings);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same validation one rule at a time: it yields after each rule, so that a server can answer
 * requests between them (it drops the rest when a newer version comes), and returns the diagnostics.
 */
export function* validationSteps(
  topology: Topology,
  document: TextDocument,
  options: ValidationOptions = {},
  schemaFindings?: () => SchemaFinding[],
): Generator<void, Diagnostic[]> {
  const levels = options.ruleLevels ?? {};
  const publicCloud = cloudOf(topology) === 'public';
  let wholeDocumentFindings: SchemaFinding[] | undefined;
  const deployed = options.deployed;
  const baseContext = {
    topology,
    document,
    ruleCodes: RULE_CODES,
    deployed,
    idleCodes: deployed ? new Set<string>() : DEPLOYMENT_CODES,
    schemaFindings: schemaFindings ?? (() => (wholeDocumentFindings ??= schemaFindingsOfWhole(topology.parsed))),
  };

  function* runRules(rules: Rule[], diagnostics: Diagnostic[], suppression?: SuppressionReport): Generator<void, Diagnostic[]> {
    // One context for the phase: a check runs to its end before the next starts, so `report` reads the rule running.
    let running = rules[0];
    const report = (finding: Finding) => diagnostics.push(toDiagnostic(running, finding, document, levels[running.code]));
    const context: RuleContext = { ...baseContext, suppression, report };
    for (const rule of rules) {
      if (levels[rule.code] === 'off') continue;
      if (rule.publicCloudOnly && !publicCloud) continue;
      if (rule.deployment && !deployed) continue;
      running = rule;
      if (rule.eachEntity) checkEachEntity(rule.eachEntity, topology, report);
      else rule.check(context);
      yield;
    }
    return diagnostics;
  }

  const found = yield* runRules(EARLY_RULES, []);
  const { kept, report } = applyDirectives(found, findDirectives(topology.parsed, document));
  const late = yield* runRules(LATE_RULES, [], report);
  return capPerCode(sortDiagnostics([...kept, ...late]));
}

/** An entity's findings of one rule, with what its check read; `movable` when every place is a node (nodes move with the text). */
interface EntityFindings {
  reads: Read[];
  findings: readonly Finding[];
  movable: boolean;
}

/**
 * Each per-entity rule's findings, by section: the entities of its last check in order (an array all
 * rules share for a version) with theirs. A keystroke leaves all entities but one where they were, so
 * they are found by position; after an entity is added or removed, by object.
 */
interface SectionFindings {
  entities: readonly Entity[];
  kept: EntityFindings[];
}

/** The findings of an entity with nothing to report that read nothing else: most entities, shared. */
const NO_FINDINGS: readonly Finding[] = [];
const NOTHING: EntityFindings = { reads: [], findings: NO_FINDINGS, movable: true };

const findingsByRule = new WeakMap<EntityCheck, Map<TrackedSection, SectionFindings>>();

function checkEachEntity(each: EntityCheck, topology: Topology, report: (finding: Finding) => void): void {
  let bySection = findingsByRule.get(each);
  if (!bySection) findingsByRule.set(each, (bySection = new Map()));
  const view = trackedView(topology);
  for (const section of each.sections) {
    const previous = bySection.get(section);
    const entities = sectionEntities(topology, section) as readonly Entity[];
    const current: SectionFindings = { entities, kept: new Array<EntityFindings>(entities.length) };
    let byEntity: Map<Entity, EntityFindings> | undefined;
    for (let index = 0; index < entities.length; index++) {
      const entity = entities[index];
      let kept: EntityFindings | undefined;
      if (previous) {
        if (previous.entities[index] === entity) kept = previous.kept[index];
        else kept = (byEntity ??= new Map(previous.entities.map((e, i) => [e, previous.kept[i]]))).get(entity);
      }
      if (!kept || !kept.movable || (kept.reads.length > 0 && !readsHold(topology, kept.reads))) {
        const findings: Finding[] = [];
        const { reads } = recordReads(() => each.check(entity, { topology: view, report: (finding) => findings.push(finding) }));
        kept = findings.length > 0 ? { reads, findings, movable: findings.every(isMovable) } : reads.length > 0 ? { reads, findings: NO_FINDINGS, movable: true } : NOTHING;
      }
      current.kept[index] = kept;
      for (const finding of kept.findings) report(finding);
    }
    bySection.set(section, current);
  }
}

function isMovable(finding: Finding): boolean {
  return !('start' in finding.at) && (finding.related ?? []).every((r) => !('start' in r.at));
}

/** The rules that run before disable comments apply, and those that read what the comments did. */
const EARLY_RULES = RULES.filter((r) => r.phase !== 'suppression');
const LATE_RULES = RULES.filter((r) => r.phase === 'suppression');

/** More diagnostics of one code than this in one file are summed up in one, so that editors and reports stay usable. */
export const MAX_DIAGNOSTICS_PER_CODE = 1000;

/**
 * Keeps the first MAX_DIAGNOSTICS_PER_CODE diagnostics of each code (in file order) and puts one in the
 * place of the next that says how many more there are: a generated file with a million wrong values
 * would otherwise send a million diagnostics to the editor or the report.
 */
function capPerCode(sorted: Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const diagnostic of sorted) counts.set(String(diagnostic.code), (counts.get(String(diagnostic.code)) ?? 0) + 1);
  if (![...counts.values()].some((count) => count > MAX_DIAGNOSTICS_PER_CODE)) return sorted;
  const seen = new Map<string, number>();
  const kept: Diagnostic[] = [];
  for (const diagnostic of sorted) {
    const code = String(diagnostic.code);
    const index = (seen.get(code) ?? 0) + 1;
    seen.set(code, index);
    if (index <= MAX_DIAGNOSTICS_PER_CODE) kept.push(diagnostic);
    else if (index === MAX_DIAGNOSTICS_PER_CODE + 1) {
      const more = counts.get(code)! - MAX_DIAGNOSTICS_PER_CODE;
      kept.push({
        range: diagnostic.range,
        severity: diagnostic.severity,
        code: diagnostic.code,
        codeDescription: diagnostic.codeDescription,
        source: diagnostic.source,
        message:
          `${more.toLocaleString('en-US')} more ${code} ${more === 1 ? 'finding' : 'findings'} in this file, from here on, ${more === 1 ? 'is' : 'are'} not listed:` +
          ` ppnet lists the first ${MAX_DIAGNOSTICS_PER_CODE.toLocaleString('en-US')} of each code in a file. The first of them: ${diagnostic.message}`,
      });
    }
  }
  return kept;
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
