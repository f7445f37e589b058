/** The words messages, hovers and the graph use: lists, and the kinds and routes of the shared vocabulary. */
import type { EntityKind, RouteKind } from '../../../../protocol/graph';
import { ENTITY_WORDS, ROUTE_WORDS } from '../../../../protocol/vocabulary';

/** A list for messages: `a`, `a and b`, `a, b and c`. */
export function listWords(words: readonly string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** An entity kind in a sentence ("desktop flow 7", "Azure service db"). */
export function entityNoun(kind: EntityKind): string {
  return ENTITY_WORDS[kind].noun;
}

/** A route in a sentence ("takes the public internet"). */
export function routeSentence(route: RouteKind): string {
  return ROUTE_WORDS[route].sentence;
}

/** "a gateway", "an enterprise policy". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
