/** SARIF 2.1.0 output for code scanning: one run, the rules with their help links, one result per diagnostic. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FileResult } from '../check';
import { escapeControl } from '../escape';
import { NOT_CHECKED_CODES } from '../inputs';
import { RULES, ruleUrl, severityName } from '../../service';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function toSarif(results: FileResult[]): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.code, index]));
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
        // Unsuccessful when a path was not read or not checked: its result says which and why.
        invocations: [{ executionSuccessful: !results.some((r) => r.diagnostics.some((d) => NOT_CHECKED_CODES.has(String(d.code)) && severityName(d.severity) === 'error')) }],
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + path.sep).toString() } },
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => {
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
                    region: {
                      startLine: d.range.start.line + 1,
                      startColumn: d.range.start.character + 1,
                      endLine: d.range.end.line + 1,
                      endColumn: d.range.end.character + 1,
                    },
                  },
                },
              ],
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
