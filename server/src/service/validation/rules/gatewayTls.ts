import { replaceValueFix } from './shared/edits';
import { eachOf, Rule } from '../rule';

/** TLS versions the gateway service no longer accepts ("1.0", "1.1", or the number 1.0). */
function belowTls12(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim()) && Number(text) < 1.2;
}

export const gatewayTls: Rule = {
  code: 'gateway-tls',
  defaultSeverity: 'error',
  title: 'A gateway uses a TLS version below 1.2.',
  source: 'gw-comm',
  eachEntity: eachOf('gateways', (gateway, { report }) => {
    if (!gateway.tls || !belowTls12(gateway.tls.text)) return;
    report({
      at: gateway.tls.node,
      message:
        `Gateway ${gateway.id} is set to TLS ${gateway.tls.text}, but the gateway talks to its cloud services (Azure Relay and Service Bus) over TLS 1.2 or later only,` +
        ` so a machine limited to TLS ${gateway.tls.text} cannot connect and every connection through it fails. Enable TLS 1.2 on the gateway machines and set tls: "1.2".`,
    });
  }),
  fixes: ({ diagnostic }) => [replaceValueFix(diagnostic, 'Set tls: "1.2"', '"1.2"')],
};
