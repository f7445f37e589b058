/**
 * SARIF 2.1.0 output for code scanning: one run, the rules with their help links, one result per
 * diagnostic with its fingerprint (formats/fingerprint.ts), which GitHub matches alerts by, and the
 * run's automation id (ppnet/check/ for check), which keeps the alerts of one command apart from another's.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FileResult } from '../check';
import { escapeControl } from '../escape';
import { NOT_CHECKED_CODES } from '../inputs';
import { RULES, ruleUrl, severityName } from '../../service';
import { FINGERPRINT_KEY, fingerprintsOf } from './fingerprint';
import { oneBased } from './location';
import type { ReportContext } from './context';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The results of a run that GitHub code scanning shows (the most severe first); it drops the rest. */
export const GITHUB_SARIF_RESULTS = 5000;

export function formatSarif(results: readonly FileResult[], context: Pick<ReportContext, 'tool'>): string {
  return JSON.stringify(toSarif(results, context), null, 2) + '\n';
}

export function sarifWarnings(results: readonly FileResult[]): string[] {
  const count = results.reduce((sum, r) => sum + r.diagnostics.length, 0);
  if (count <= GITHUB_SARIF_RESULTS) return [];
  return [
    `the SARIF report holds ${count} results; GitHub code scanning shows ${GITHUB_SARIF_RESULTS.toLocaleString('en-US')} of a run (the most severe first): ` +
      'check fewer files per run, or turn rules off in ppnet.config.yaml',
  ];
}

export function toSarif(results: readonly FileResult[], { tool }: Pick<ReportContext, 'tool'>): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
  const fingerprints = fingerprintsOf(results);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ppnet',
            informationUri: 'https://learn.microsoft.com/power-platform/guidance/expressroute/understanding-architecture',
            version: require('../../../../../package.json').version,
            rules: RULES.map((rule) => ({
              id: rule.code,
              name: rule.code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.title },
              helpUri: ruleUrl(rule),
              help: { text: `${rule.title} See ${ruleUrl(rule)}`, markdown: `${rule.title} [Source](${ruleUrl(rule)})` },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        automationDetails: { id: `ppnet/${tool}/` },
        // Unsuccessful when a path was not read or not checked: its result says which and why.
        invocations: [{ executionSuccessful: !results.some((r) => r.diagnostics.some((d) => NOT_CHECKED_CODES.has(String(d.code)) && severityName(d.severity) === 'error')) }],
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + path.sep).toString() } },
        results: results.flatMap(({ file, diagnostics }, fileIndex) =>
          diagnostics.map((d, index) => {
            const code = String(d.code);
            return {
              ruleId: code,
              ...(ruleIndex.has(code) ? { ruleIndex: ruleIndex.get(code) } : {}),
              level: SARIF_LEVEL[severityName(d.severity)],
              message: { text: escapeControl(d.message) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: toUri(file), uriBaseId: path.isAbsolute(file) ? undefined : 'SRCROOT' },
                    region: oneBased(d.range),
                  },
                },
              ],
              partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[fileIndex][index] },
            };
          }),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function toUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).toString();
  return file.split(path.sep).map(encodeURIComponent).join('/');
}
