import { Rule } from '../rule';

export const duplicateKey: Rule = {
  code: 'duplicate-key',
  defaultSeverity: 'error',
  title: 'The same key appears twice in one map; only the first one is used.',
  source: 'https://yaml.org/spec/1.2.2/#mapping',
  check({ topology, document, report }) {
    for (const { key, first } of topology.parsed.duplicates) {
      const line = document.positionAt(first.range![0]).line + 1;
      report({
        at: key,
        message: `"${String(key.value)}" is already a key of this map (line ${line}); YAML keys must be unique and ppnet uses the first one, so this entry is ignored. Rename or merge it.`,
        related: [{ at: first, message: 'The first occurrence, which is used.' }],
      });
    }
  },
};
