/** The starter file and the entity snippets give valid topology, as they come and as the file fills them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { ENTITY_SNIPPETS, STARTER_FILE } from '../../server/src/service/features/content/snippets';
import { doc, row } from '../support';

const service = createLanguageService();

/** A snippet as accepted without changes: each placeholder and choice takes its first value. */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)[^}]*\}/g, '$1')
    .replace(/\\([$}\\,|])/g, '$1');
}

describe('snippets', () => {
  it('the starter file is valid and quiet', () => {
    assert.deepEqual(service.validate(doc(STARTER_FILE)).map(row), []);
  });

  it('every entity snippet, accepted as completion offers it in the starter file, adds a valid entity', () => {
    for (const snippet of ENTITY_SNIPPETS) {
      const base = STARTER_FILE.includes(`\n${snippet.section}:`) ? STARTER_FILE : `${STARTER_FILE}${snippet.section}:\n`;
      // An empty line, indented for an id, right below the section's header.
      const lineStart = base.indexOf('\n', base.indexOf(`\n${snippet.section}:`) + 1) + 1;
      const text = `${base.slice(0, lineStart)}  \n${base.slice(lineStart)}`;
      const document = doc(text);
      const [first] = service.doComplete(document, document.positionAt(lineStart + 2)).items;
      assert.equal(first.label, snippet.label);
      // Accepted as is; the editor indents the lines after the first as the line it goes in.
      const body = expand((first.textEdit as TextEdit).newText).replace(/\n/g, '\n  ');
      const id = body.slice(0, body.indexOf(':'));
      const filled = `${text.slice(0, lineStart + 2)}${body}${text.slice(lineStart + 2)}`;
      const topology = service.getTopology(doc(filled, `file:///${snippet.section}.ppnet.yaml`));
      assert.equal(topology.sections.get(snippet.section)?.map?.items.filter((p) => (p.key as { value: unknown }).value === id).length, 1, filled);
      const problems = service.validate(doc(filled)).map(row).filter((r) => r.severity === 'error' || r.severity === 'warning');
      assert.deepEqual(problems, [], `${snippet.label}:\n${filled}`);
    }
  });
});
