/**
 * A `ppnet.config.yaml` as the server and the command line hold it, and what ppnet says when it cannot
 * be read. No Node built-in: the server's wiring uses it in a browser too.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, fileDiagnostic } from '../service';
import type { ParsedConfig } from '../service';

export interface LoadedConfig extends ParsedConfig {
  path: string;
  uri: string;
  /** Why the config could not be read ("permission denied (EACCES)"); its levels are then the defaults. */
  unreadable?: string;
}

const CONFIGURATION_URL = 'https://github.com/ppnet/ppnet#configuration';

/**
 * The diagnostic about a config that cannot be read: on the config itself (the command line), or on a
 * topology file below it (the editor, where the config may not open at all).
 */
export function unreadableConfigDiagnostic(config: LoadedConfig, on: 'config' | 'topology'): Diagnostic {
  const effect = on === 'config' ? 'The files below it are checked' : 'This file is checked';
  const diagnostic = fileDiagnostic(
    'cannot-read',
    `${on === 'config' ? `Cannot read this ${CONFIG_FILE_NAME}` : `Cannot read the nearest ${CONFIG_FILE_NAME}, ${config.path}`}: ${config.unreadable}. ` +
      `${effect} with every rule at its default level; make the config readable (or remove it) so that its levels apply.`,
    on === 'config' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
  );
  diagnostic.codeDescription = { href: CONFIGURATION_URL };
  return diagnostic;
}
