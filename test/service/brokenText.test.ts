/** Every editing feature answers on text cut anywhere or garbled, and never throws. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { createLanguageService, RenameError } from '../../server/src/service';
import { doc, ROOT } from '../support';

const service = createLanguageService();
const EXAMPLES = ['contoso.ppnet.yaml', 'mistakes.ppnet.yaml'].map((name) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
const GARBLED = ['\t- : [ {', '"unterminated\n  - x: [', '---\n---\n: :', 'a: &x [*x]\nb: *x\n', 'sites: { hq: *nowhere }\n', '? [a]\n: b\n'];

/** A refused rename (an id that was never valid) is an answer too; anything else thrown is a bug. */
function renameOrRefuse(rename: () => unknown): void {
  try {
    rename();
  } catch (error) {
    assert.ok(error instanceof RenameError, String(error));
  }
}

describe('editing features on broken text', () => {
  it('hover, navigation, symbols, folding and code actions never throw', () => {
    let answered = 0;
    for (const text of [...EXAMPLES, ...GARBLED]) {
      for (let cut = 0; cut <= text.length; cut += 17) {
        const document = doc(text.slice(0, cut), `file:///cut-${cut}.ppnet.yaml`);
        for (const offset of [0, Math.floor(cut / 3), Math.floor(cut / 2), cut]) {
          const position = document.positionAt(offset);
          if (service.doHover(document, position)) answered++;
          service.findDefinition(document, position);
          service.findReferences(document, position, true);
          service.findDocumentHighlights(document, position);
          const rename = service.prepareRename(document, position);
          if (rename) renameOrRefuse(() => service.doRename(document, position, `${rename.placeholder}-renamed`));
        }
        service.findDocumentSymbols(document);
        service.getFoldingRanges(document);
        service.getCodeActions(document, { diagnostics: service.validate(document) });
        service.forget(document.uri);
      }
    }
    assert.ok(answered > 50, `hover answered only ${answered} times`);
  });
});
