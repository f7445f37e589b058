/** What to say of a rule code ppnet does not have, in a disable comment or in ppnet.config.yaml. */
import { closest, didYouMean } from '../text/suggest';

export function unknownCodeMessage(code: string, where: string, ruleCodes: Iterable<string>): { message: string; replacement?: string } {
  const suggestion = closest(code, ruleCodes);
  return {
    message: `"${code}" is not a ppnet rule code, so ${where} has no effect for it.${didYouMean(suggestion, ' The README lists the rules.')}`,
    replacement: suggestion,
  };
}
