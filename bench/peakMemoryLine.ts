/** The start of the line bench/peakMemory.ts prints on exit; the number after it is kilobytes. */
export const PEAK_MEMORY_PREFIX = 'ppnet-bench-peak-kb ';
