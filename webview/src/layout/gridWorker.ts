/**
 * The grid's layout worker (large graphs and every overview): a few kilobytes of script that starts in
 * milliseconds, where loading ELK's megabyte took about a second of processor on a busy machine.
 */
import { gridLayout } from '../../../diagram/gridLayout';
import { serveLayouts } from './serveLayouts';

serveLayouts(gridLayout);
