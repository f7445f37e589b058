/**
 * One fingerprint per finding, the same in SARIF (`partialFingerprints`) and GitLab's Code Quality
 * report (`fingerprint`): a hash of the rule's code, the file, the entity the finding is on and the keys
 * and text (the value or key) under it. No line or column goes in, so that an alert stays the same alert
 * when lines are added above it or its block moves; two findings that would share every part (the same
 * duplicate written twice) are told apart by their order.
 */
import { createHash } from 'crypto';
import type { FileResult } from '../check';
import { slashPath } from './location';

/** The name of the fingerprint in SARIF's `partialFingerprints`; a new way of computing it gets a new version. */
export const FINGERPRINT_KEY = 'ppnet/v1';

/** The fingerprints of a run's findings, file by file in the order of `results`, finding by finding. */
export function fingerprintsOf(results: readonly FileResult[]): string[][] {
  const seen = new Map<string, number>();
  return results.map(({ file, diagnostics, places }) =>
    diagnostics.map((d, i) => {
      const place = places?.[i];
      const where = slashPath(file);
      // A finding not on a topology (a config, a file not read) has no place: its message says what it is on.
      const parts = place ? [String(d.code), where, place.entity ?? '', place.path.join('/'), place.text] : [String(d.code), where, '', '', d.message];
      const key = parts.join('\u0000');
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    }),
  );
}
