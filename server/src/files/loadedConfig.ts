/**
 * A `ppnet.config.yaml` as the server and the command line hold it, and what ppnet says when it cannot
 * be read. No Node built-in: the server's wiring uses it in a browser too.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME, fileDiagnostic } from '../service';
import type { DeployedEstate, ParsedConfig } from '../service';

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

/** What a config's `deployed:` folder gave: its estate and the findings on its exports by URI, or why there is none. */
export type DeployedLoad =
  | { folder: string; estate: DeployedEstate; inputs: { uri: string; diagnostics: Diagnostic[] }[] }
  | { folder: string; problem: string };

/** Where the server gets the estate of a config's `deployed:` folder (the Node server reads it from disk). */
export interface DeployedSource {
  /** `undefined` when the config has no `deployed:` key. */
  forConfig(config: LoadedConfig): DeployedLoad | undefined;
  /** Calls `listener` when a folder read before changed. */
  onDidChange(listener: () => void): void;
  /** The configs changed: forget every folder. */
  clear(): void;
}

/** On a topology file whose config names a `deployed:` folder that cannot be read, or a server that cannot read folders. */
export function deployedProblemDiagnostic(config: LoadedConfig, problem: string | undefined): Diagnostic {
  const folder = config.config.deployed?.folder ?? '';
  const diagnostic = fileDiagnostic(
    'cannot-read',
    problem === undefined
      ? `The nearest ${CONFIG_FILE_NAME}, ${config.path}, names the folder of exports ${folder} (deployed:), but this language server runs in the browser and cannot read a folder: no drift is shown here. Run ppnet drift, or open the folder in a desktop editor.`
      : `Cannot read the folder of exports ${folder} that ${config.path} names (deployed:): ${problem}. This file is checked without drift; fix the path or the folder.`,
    problem === undefined ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
  );
  diagnostic.codeDescription = { href: CONFIGURATION_URL };
  return diagnostic;
}
