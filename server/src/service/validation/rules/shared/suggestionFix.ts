/**
 * The "did you mean" fix shared by the rules whose diagnostics carry `data.replacement` (unknown
 * region, key, reference, rule code, enum value): replace the diagnostic's range with the suggestion,
 * keeping the quotes the value was written with.
 */
import { TextEdit } from 'vscode-languageserver-types';
import { Fix, FixContext } from '../../rule';

/** What a diagnostic's `data` holds for this fix: the suggestion, and other candidates after it. */
export interface SuggestionData {
  replacement?: string;
  alternatives?: string[];
}

export function replaceWithSuggestion({ document, diagnostic }: FixContext): Fix[] {
  const data = (diagnostic.data ?? {}) as SuggestionData;
  if (typeof data.replacement !== 'string') return [];
  const written = document.getText(diagnostic.range);
  const quote = written.length >= 2 && /^["']/.test(written) && written.endsWith(written[0]) ? written[0] : '';
  const shown = quote ? written.slice(1, -1) : written;
  const candidates = [data.replacement, ...(data.alternatives ?? [])];
  return candidates.map((candidate, index) => ({
    title: `Replace "${shown}" with "${candidate}"`,
    edits: [TextEdit.replace(diagnostic.range, `${quote}${candidate}${quote}`)],
    isPreferred: index === 0,
  }));
}
