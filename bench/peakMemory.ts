/**
 * Preloaded into a `ppnet` run by the bench (`node -r out/bench/peakMemory.js bin/ppnet.js ...`): prints
 * the process's peak resident memory on exit, on a line of its own on standard error. Only for
 * preloading: importing it registers the handler.
 */
import { PEAK_MEMORY_PREFIX } from './peakMemoryLine';

process.on('exit', () => process.stderr.write(`\n${PEAK_MEMORY_PREFIX}${process.resourceUsage().maxRSS}\n`));
