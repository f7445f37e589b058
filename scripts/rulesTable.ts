/** The README's rule table, generated from the rule registry (`npm run docs:rules` writes it). */
import * as fs from 'fs';
import { RULES, ruleUrl } from '../server/src/service';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(): string {
  const rows = RULES.map((rule) => `| \`${rule.code}\` | ${rule.defaultSeverity} | ${rule.title.replace(/\|/g, '\\|')} | [source](${ruleUrl(rule)}) |`);
  return ['| code | default | what it finds | source |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README text with its rule table replaced by the current one. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const file = process.argv[2] ?? 'README.md';
  fs.writeFileSync(file, withRulesTable(fs.readFileSync(file, 'utf8')));
}
