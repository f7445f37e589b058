import { Rule } from '../rule';

export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  title: 'The YAML does not parse, or the file holds a second document.',
  source: 'https://yaml.org/spec/1.2.2/',
  check({ topology, report }) {
    for (const problem of topology.parsed.problems) {
      if (problem.kind !== 'error') continue;
      report({ at: problem.span, message: `YAML syntax error: ${problem.message} Fix the YAML here; ppnet checks the rest as far as it can read it.` });
    }
  },
};
