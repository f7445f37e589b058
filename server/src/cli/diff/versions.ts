/** A version of a file as the comparison needs it: its graph, its findings placed, its entities digested. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { severityName } from '../../service';
import type { RunContext } from '../command';
import type { DesignVersion, FilePair } from '../../../../review/diff';
import type { DiffSources, Side } from './sources';

function versionOf(side: Side, { service, configs }: Pick<RunContext, 'service' | 'configs'>): DesignVersion {
  const config = configs.forFile(side.configAnchor);
  const document = TextDocument.create(pathToFileURL(path.resolve(side.configAnchor)).toString(), 'ppnet', 1, side.text);
  const options = { ruleLevels: config?.config.ruleLevels };
  try {
    const diagnostics = service.validate(document, options);
    const places = service.placeFindings(document, diagnostics);
    return {
      graph: service.getGraph(document, options),
      findings: diagnostics.map((d, i) => ({ code: String(d.code), severity: severityName(d.severity), message: d.message, range: d.range, place: places[i] })),
      entities: service.digestEntities(document),
    };
  } finally {
    // The base and the head of a file share its URI: each version is read afresh.
    service.forget(document.uri);
  }
}

export function filePairs(sources: DiffSources, context: Pick<RunContext, 'service' | 'configs'>): FilePair[] {
  return sources.pairs.map(({ file, base, head }) => ({
    file,
    ...(base && { base: versionOf(base, context) }),
    ...(head && { head: versionOf(head, context) }),
  }));
}
