/**
 * Imported before the layout in the worker. ELK's bundle takes itself for ELK's own worker script when
 * its layout module loads (on the first `new ELK()`) where there is `self` but no `document`, and then
 * neither exports its layout nor leaves `self.onmessage` alone. A stand-in `document`, which nothing
 * else in the worker reads, makes it a library, as on a page.
 */
const scope = globalThis as { document?: unknown };
if (scope.document === undefined) scope.document = {};
export {};
