import { Rule } from '../rule';

export const yamlWarning: Rule = {
  code: 'yaml-warning',
  defaultSeverity: 'warning',
  title: 'The YAML parser warns about this construct.',
  source: 'https://yaml.org/spec/1.2.2/',
  check({ topology, report }) {
    for (const problem of topology.parsed.problems) {
      if (problem.kind !== 'warning') continue;
      report({ at: problem.span, message: `YAML warning: ${problem.message}` });
    }
  },
};
