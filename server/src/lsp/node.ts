/**
 * The language server in a Node process (dist/server.js, bin/ppnet-language-server.js): LSP over
 * stdio, each document's `ppnet.config.yaml` read from disk, and a config's `deployed:` folder read and
 * watched there (files/deployedFolder.ts).
 */
import { fileURLToPath } from 'url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ConfigLoader, LoadedConfig } from '../files/configFiles';
import { DiskDeployedSource } from '../files/deployedFolder';
import { cancelUndispatched, ConfigSource, startServer as startWith } from './server';

/** The nearest config above a `file:` document, from disk. */
export class DiskConfigSource implements ConfigSource {
  private readonly loader = new ConfigLoader();

  forDocument(uri: string): LoadedConfig | undefined {
    return uri.startsWith('file:') ? this.loader.forFile(fileURLToPath(uri)) : undefined;
  }

  clear(): void {
    this.loader.refresh();
  }
}

export function startServer(): void {
  startWith(createConnection(ProposedFeatures.all, { cancelUndispatched }), new DiskConfigSource(), new DiskDeployedSource());
}

if (require.main === module) startServer();
