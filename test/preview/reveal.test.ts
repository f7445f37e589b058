/** Where the extension selects the range the preview page sent: bounded to the document as it is now. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentLines, rangeInDocument } from '../../client/src/preview/reveal';

/** A document of these lines, read as VS Code's TextDocument is. */
function documentOf(...lines: string[]): DocumentLines {
  return { lineCount: lines.length, lineAt: (line) => ({ text: lines[line] }) };
}

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

describe('the range a reveal selects', () => {
  const document = documentOf('gateways:', '  gw-ams:', '    site: ams-hq', '');

  it('is the page\'s range when the document holds it', () => {
    assert.deepEqual(rangeInDocument(range(1, 2, 2, 16), document), range(1, 2, 2, 16));
    assert.deepEqual(rangeInDocument(range(3, 0, 3, 0), document), range(3, 0, 3, 0));
  });

  it('ends at a line\'s end or the document\'s end when the file got shorter since the page drew it', () => {
    assert.deepEqual(rangeInDocument(range(1, 2, 2, 400), document), range(1, 2, 2, 16));
    assert.deepEqual(rangeInDocument(range(2, 30, 9, 4), document), range(2, 16, 3, 0));
    assert.deepEqual(rangeInDocument(range(7, 0, 2 ** 31 - 1, 2 ** 31 - 1), documentOf('a', 'bc')), range(1, 2, 1, 2));
  });
});
