/** The topology schema itself: the service compiles it without checking it against its meta-schema, so this does. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { TOPOLOGY_SCHEMA } from '../../server/src/service/schema';

describe('topology schema file', () => {
  it('is a valid draft-07 JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema(TOPOLOGY_SCHEMA), true, JSON.stringify(ajv.errors));
  });
});
