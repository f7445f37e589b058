import { appsOf } from '../../model/model';
import { eachOf, Rule } from '../rule';

export const cdnNoEffect: Rule = {
  code: 'cdn-no-effect',
  defaultSeverity: 'info',
  title: 'The CDN setting of an environment without canvas apps changes nothing.',
  source: 'behavior',
  eachEntity: eachOf('environments', (environment, { report }) => {
    const apps = appsOf(environment);
    if (!environment.cdn || apps.includes('canvas')) return;
    report({
      at: environment.cdn.key,
      message:
        `Environment ${environment.id} sets cdn, but it runs no canvas apps (apps: ${apps.length ? apps.join(', ') : 'none'}): this setting covers the static content of canvas apps only, and model-driven apps don't use the CDN.` +
        ` Remove cdn, or add canvas to apps if canvas apps run here.`,
    });
  }),
};
