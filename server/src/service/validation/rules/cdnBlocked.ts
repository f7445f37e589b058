import { setKey } from './shared/edits';
import { eachOf, Rule } from '../rule';
import { listWords } from '../../text/words';
import { staticContentRoutes } from '../../traffic';

export const cdnBlocked: Rule = {
  code: 'cdn-blocked',
  defaultSeverity: 'warning',
  title: 'Canvas apps load CDN content over the internet, which a site of their users blocks.',
  source: 'arch',
  eachEntity: eachOf('environments', (environment, { topology, report }) => {
    // The sites where the canvas apps' static content, from the CDN, has no route.
    const blocked = staticContentRoutes(topology, environment)
      .filter((content) => content.cause.kind === 'cdn' && content.route === 'no-route')
      .map((content) => content.site);
    if (blocked.length === 0) return;
    const sites = blocked.map((site) => site.id);
    const one = sites.length === 1;
    const cdn = environment.cdn ? 'cdn: true' : 'cdn is on by default';
    report({
      at: environment.key,
      message:
        `Environment ${environment.id} runs canvas apps with the CDN on (${cdn}), but ${one ? 'site' : 'sites'} ${listWords(sites)}, where its users sit, ${one ? 'blocks' : 'block'} the internet:` +
        ` the CDN serves static content from the public internet only, never over ExpressRoute, so canvas apps there cannot load it.` +
        ` Turn off "Load default static content from CDN" for the environment (cdn: false), or let ${one ? 'that site' : 'those sites'} reach the CDN.`,
      related: blocked.map((site) => ({
        at: site.internet?.node ?? site.key,
        message: `Site ${site.id} blocks the internet.`,
      })),
      data: { environment: environment.id },
    });
  }),
  fixes({ topology, document, diagnostic }) {
    const { environment: id } = diagnostic.data as { environment: string };
    const environment = topology.environments.get(id);
    return environment ? [{ title: 'Set cdn: false (load static content without the CDN)', edits: [setKey(document, environment, 'cdn', 'false')], isPreferred: true }] : [];
  },
};
