import { Rule } from '../rule';

export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  title: 'The YAML does not parse, the file holds a second document, or it is not UTF-8 text.',
  source: 'https://yaml.org/spec/1.2.2/',
  check({ topology, report }) {
    for (const problem of topology.parsed.problems) {
      if (problem.kind !== 'error') continue;
      const message = problem.complete
        ? problem.message
        : `YAML syntax error: ${problem.message} Fix the YAML here; ppnet checks the rest as far as it can read it.`;
      report({ at: problem.span, message });
    }
  },
};
