import { appsOf } from '../../model/model';
import { Rule } from '../rule';

export const cdnNoEffect: Rule = {
  code: 'cdn-no-effect',
  defaultSeverity: 'info',
  title: 'The CDN setting of an environment without canvas apps changes nothing.',
  source: 'behavior',
  check({ topology, report }) {
    for (const environment of topology.environments.values()) {
      const apps = appsOf(environment);
      if (!environment.cdn || apps.includes('canvas')) continue;
      report({
        at: environment.cdn.key,
        message:
          `Environment ${environment.id} sets cdn, but it runs no canvas apps (apps: ${apps.length ? apps.join(', ') : 'none'}): this setting covers the static content of canvas apps only, and model-driven apps don't use the CDN.` +
          ` Remove cdn, or add canvas to apps if canvas apps run here.`,
      });
    }
  },
};
