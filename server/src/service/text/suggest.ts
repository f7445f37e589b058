/** "Did you mean" suggestions by edit distance, ignoring case, spaces and hyphens. */
import { normalize } from '../catalog/catalog';

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest candidate, when it is close enough to be a likely typo (or a prefix of it). */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const target = normalize(value);
  if (!target) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const norm = normalize(candidate);
    const score = norm.startsWith(target) || target.startsWith(norm) ? Math.abs(norm.length - target.length) / 2 : editDistance(target, norm);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const allowed = Math.max(2, Math.floor(target.length / 3));
  return bestScore <= allowed ? best : undefined;
}

/** " Did you mean X?" for a suggestion, else `otherwise` (nothing by default). */
export function didYouMean(suggestion: string | undefined, otherwise = ''): string {
  return suggestion ? ` Did you mean ${suggestion}?` : otherwise;
}
