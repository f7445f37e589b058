/** Every verb of `ppnet`, in the order `ppnet --help` lists them. A new verb is a file here and a line below. */
import type { Command } from '../command';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { driftCommand } from './drift';
import { exportCommand } from './export';
import { graphCommand } from './graph';
import { importCommand } from './import';
import { routesCommand } from './routes';

export const COMMANDS: readonly Command[] = [checkCommand, driftCommand, diffCommand, graphCommand, routesCommand, exportCommand, importCommand];
