import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cidr, containsCidr, formatCidr, overlappingPairs, overlaps, parseCidr } from '../../server/src/service/syntax/cidr';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  assert.ok(parsed.ok, `${text} should parse`);
  return parsed.cidr;
}

describe('parseCidr', () => {
  it('reads IPv4 and IPv6 prefixes, canonical or not', () => {
    assert.deepEqual(parseCidr('203.0.113.0/29'), { ok: true, cidr: { version: 4, network: 0xcb007100n, length: 29 } });
    assert.deepEqual(parseCidr(' 0.0.0.0/0 '), { ok: true, cidr: { version: 4, network: 0n, length: 0 } });
    assert.equal(formatCidr(cidr('2001:DB8:0:0::/32')), '2001:db8::/32');
    assert.equal(formatCidr(cidr('::/0')), '::/0');
    assert.equal(formatCidr(cidr('::1/128')), '::1/128');
    assert.equal(formatCidr(cidr('::ffff:198.51.100.0/120')), '::ffff:c633:6400/120');
    assert.equal(formatCidr(cidr('2001:db8:0:1:0:0:0:0/64')), '2001:db8:0:1::/64');
    assert.equal(formatCidr(cidr('2001:0:0:1:0:0:0:0/64')), '2001:0:0:1::/64');
    assert.equal(formatCidr(cidr('1:2:3:4:5:6:7:8/128')), '1:2:3:4:5:6:7:8/128');
  });

  it('says when host bits are set, with the network that holds the address', () => {
    const parsed = parseCidr('203.0.113.1/29');
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && parsed.reason === 'host-bits');
    assert.equal(formatCidr(parsed.cidr), '203.0.113.0/29');
    const v6 = parseCidr('2001:db8::1/64');
    assert.ok(!v6.ok && v6.reason === 'host-bits' && formatCidr(v6.cidr) === '2001:db8::/64');
  });

  it('tells an address without a length and a length beyond the width from bad syntax', () => {
    assert.deepEqual(parseCidr('198.51.100.7'), { ok: false, reason: 'no-length', version: 4 });
    assert.deepEqual(parseCidr('2001:db8::1'), { ok: false, reason: 'no-length', version: 6 });
    assert.deepEqual(parseCidr('10.0.0.0/33'), { ok: false, reason: 'length', version: 4 });
    assert.deepEqual(parseCidr('::/129'), { ok: false, reason: 'length', version: 6 });
    for (const text of ['', 'edge', '300.1.0.0/16', '10.0.0/8', '10.0.0.0/', '10.0.0.0/08', '010.0.0.0/8', '10.0.0.0/-1', '1:2:3:4:5:6:7:8:9/64', '1::2::3/64', '2001:db8:::/48', '12345::/16', 'fe80::1%eth0/64']) {
      assert.deepEqual(parseCidr(text), { ok: false, reason: 'syntax' }, text);
    }
  });
});

describe('containment and overlap', () => {
  it('holds inside the same family only', () => {
    assert.ok(containsCidr(cidr('10.0.0.0/8'), cidr('10.10.0.0/16')));
    assert.ok(!containsCidr(cidr('10.10.0.0/16'), cidr('10.0.0.0/8')));
    assert.ok(containsCidr(cidr('0.0.0.0/0'), cidr('203.0.113.0/29')));
    assert.ok(!containsCidr(cidr('::/0'), cidr('203.0.113.0/29')));
    assert.ok(containsCidr(cidr('fc00::/7'), cidr('fd00:1::/48')));
  });

  it('overlaps when one holds the other, not when they are neighbours', () => {
    assert.ok(overlaps(cidr('198.51.100.0/29'), cidr('198.51.100.0/28')));
    assert.ok(overlaps(cidr('198.51.100.0/28'), cidr('198.51.100.0/29')));
    assert.ok(!overlaps(cidr('198.51.100.0/29'), cidr('198.51.100.8/29')));
    assert.ok(!overlaps(cidr('172.16.0.0/12'), cidr('172.32.0.0/16')));
  });
});

describe('overlappingPairs', () => {
  it('lists every overlapping pair once, the holding prefix first, equal ones in input order', () => {
    const items = ['10.1.0.0/16', '203.0.113.0/29', '10.0.0.0/8', '203.0.113.0/29', '10.0.0.0/16', '203.0.113.8/29', '::/0', '10.0.5.0/24'].map(
      (text, index) => ({ text, index, cidr: cidr(text) }),
    );
    const pairs = overlappingPairs(items).map(([a, b]) => `${a.index}>${b.index}`);
    assert.deepEqual(pairs.sort(), ['1>3', '2>0', '2>4', '2>7', '4>7'].sort());
  });
});
