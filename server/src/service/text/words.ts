/** The words messages, hovers and the graph use for lists and for the kinds of entities. */
import type { EntityKind } from '../../../../protocol/graph';

/** A list for messages: `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** An entity kind in a sentence ("desktop flow 7", "Azure service db"). */
export const KIND_WORDS: Record<EntityKind, string> = {
  environment: 'environment',
  site: 'site',
  circuit: 'circuit',
  gateway: 'gateway',
  connector: 'connector',
  desktopFlow: 'desktop flow',
  azureService: 'Azure service',
  enterprisePolicy: 'enterprise policy',
};

/** "a gateway", "an enterprise policy". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
