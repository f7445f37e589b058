/**
 * Preloaded into a `ppnet` run by the bench (`node -r out/bench/peakMemory.js bin/ppnet.js ...`): prints
 * the process's peak resident memory on exit, on a line of its own on standard error.
 */
process.on('exit', () => process.stderr.write(`\n${PEAK_MEMORY_PREFIX}${process.resourceUsage().maxRSS}\n`));

/** The line's start; the number after it is kilobytes. */
export const PEAK_MEMORY_PREFIX = 'ppnet-bench-peak-kb ';
