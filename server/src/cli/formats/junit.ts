/**
 * JUnit XML, as Apache Ant's junit task writes it (the shape Jenkins, GitLab and Azure DevOps read):
 * one test suite per file, a failing test case per finding (its type the severity), and one passing
 * test case for a file without findings, so that every file checked shows in the test results.
 */
import { escapeXml } from '../../../../diagram/svg';
import { severityName } from '../../service';
import type { FileResult } from '../check';
import { escapeControl } from '../escape';
import type { ReportContext } from './context';
import { oneBased, slashPath } from './location';

/** Text for XML: control characters made visible first (XML cannot hold most of them), then escaped. */
const xml = (text: string) => escapeXml(escapeControl(text));

export function formatJunit(results: readonly FileResult[], context: ReportContext): string {
  // Ant's schema: seconds, no time zone (the time is UTC).
  const timestamp = context.now.toISOString().slice(0, 19);
  const suites = results.map(({ file, diagnostics }, id) => {
    const name = xml(slashPath(file));
    const cases = diagnostics.map((d) => {
      const { startLine, startColumn } = oneBased(d.range);
      const severity = severityName(d.severity);
      const detail = `${slashPath(file)}:${startLine}:${startColumn}: ${severity} ${d.code}: ${d.message}` + (d.codeDescription ? `\nRule: ${d.codeDescription.href}` : '');
      return (
        `    <testcase name="${xml(`${d.code} at ${startLine}:${startColumn}`)}" classname="${name}" time="0">\n` +
        `      <failure message="${xml(d.message)}" type="${severity}">${xml(detail)}</failure>\n` +
        '    </testcase>'
      );
    });
    if (cases.length === 0) cases.push(`    <testcase name="ppnet ${xml(context.tool)}" classname="${name}" time="0"/>`);
    const attributes = `package="ppnet.${xml(context.tool)}" id="${id}" name="${name}" timestamp="${timestamp}" hostname="${xml(context.hostname)}"`;
    return [
      `  <testsuite ${attributes} tests="${cases.length}" failures="${diagnostics.length}" errors="0" time="0">`,
      '    <properties/>',
      ...cases,
      '    <system-out/>',
      '    <system-err/>',
      '  </testsuite>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...suites, '</testsuites>'].join('\n') + '\n';
}
