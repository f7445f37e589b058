/** The topology schema and the checks built on it that the rule tests do not reach on their own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { isMap, parseDocument, Scalar, YAMLMap } from 'yaml';
import { entitiesValid, TOPOLOGY_SCHEMA } from '../../server/src/service/model/schema';

/** The entities of the `environments` section of a text. */
function environmentsOf(text: string) {
  const doc = parseDocument(text);
  const section = (doc.contents as YAMLMap).get('environments');
  assert.ok(isMap(section));
  return { doc, entities: section.items as { key: Scalar; value: unknown }[] };
}

describe('topology schema', () => {
  it('is a valid draft-07 JSON Schema (the service compiles it without checking)', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(TOPOLOGY_SCHEMA), true, JSON.stringify(ajv.errors));
  });

  it('checks the entities of a section in one go: valid only when every one of them is', () => {
    const valid = 'environments:\n  a:\n    region: europe\n    type: production\n  b:\n    region: asia\n    type: sandbox\n';
    const { doc, entities } = environmentsOf(valid);
    assert.equal(entitiesValid(doc, 'environments', entities), true);
    const wrongType = environmentsOf(valid.replace('type: sandbox', 'type: sandboxx'));
    assert.equal(entitiesValid(wrongType.doc, 'environments', wrongType.entities), false);
    assert.equal(entitiesValid(wrongType.doc, 'environments', wrongType.entities.slice(0, 1)), true);
    const unknownKey = environmentsOf(valid.replace('    region: asia\n', '    region: asia\n    colour: red\n'));
    assert.equal(entitiesValid(unknownKey.doc, 'environments', unknownKey.entities), false);
    const badId = environmentsOf(valid.replace('  b:', '  9b:'));
    assert.equal(entitiesValid(badId.doc, 'environments', badId.entities), false);
    // An id "__proto__" is an entity like any other (it fails the id pattern), not the object's prototype.
    const proto = environmentsOf(valid.replace('  b:', '  __proto__:'));
    assert.equal(entitiesValid(proto.doc, 'environments', proto.entities), false);
  });
});
