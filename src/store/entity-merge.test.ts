import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Party } from '../core/submission.ts';
import { type EntityState, foldEntity, isEntityState, toEntityFacts } from './entity-merge.ts';

function party(p: Partial<Party> & { name: string }): Party {
  return { role: 'filer', cik: '0000000777', kind: 'company', filingValues: [], formerNames: [], ...p };
}

const blocks: Array<[Party, string, string]> = [
  [
    party({
      name: 'OTTER FARMS INC',
      sic: '0200',
      fiscalYearEnd: '0630',
      mailAddress: { city: 'SALEM' },
      formerNames: [{ name: 'OTTER RANCH LLC', date: '2001-01-01' }],
    }),
    '2019-01-01',
    '0000000777-19-000001',
  ],
  [
    party({ name: 'OTTER FARMS INC', role: 'issuer', mailAddress: { city: '' } }),
    '2020-01-01',
    '0000000777-20-000001',
  ],
  [
    party({
      name: 'OTTER FARMS INC /O',
      kind: 'owner',
      role: 'reporting-owner',
      mailAddress: { city: 'BEND' },
    }),
    '2021-01-01',
    '0000000888-21-000001',
  ],
  [
    party({ name: 'OTTER FARMS INC', formerNames: [{ name: 'OTTER RANCH LLC', date: '2001-01-01' }] }),
    '2018-01-01',
    '0000000777-18-000001',
  ],
];

function foldAll(order: number[]): EntityState | undefined {
  let s: EntityState | undefined;
  for (const i of order) {
    const b = blocks[i];
    if (b) s = foldEntity(s, b[0], b[1], b[2], 0);
  }
  return s;
}

describe('foldEntity()', () => {
  it('foldEntity() gives the same state whatever order the filings arrive in, and folding twice changes nothing', () => {
    const a = foldAll([0, 1, 2, 3]);
    assert.deepEqual(foldAll([3, 2, 1, 0]), a);
    assert.deepEqual(foldAll([2, 0, 3, 1]), a);
    assert.deepEqual(foldAll([0, 1, 2, 3, 0, 1, 2, 3]), a);
  });

  it('foldEntity() keeps each field from the latest company block that has a non-empty value', () => {
    const s = foldAll([0, 1, 2, 3]);
    assert.ok(s && isEntityState(s));
    const e = toEntityFacts('0000000777', s, []);
    assert.equal(e.name, 'OTTER FARMS INC');
    assert.equal(e.entityType, 'company');
    assert.equal(e.sic, '0200');
    assert.equal(e.fiscalYearEnd, '0630');
    assert.deepEqual(e.mailAddress, { city: 'SALEM' });
    assert.deepEqual(e.formerNames, [{ name: 'OTTER RANCH LLC', to: '2001-01-01' }]);
  });

  it('foldEntity() uses an owner block only when no company block has the field', () => {
    const onlyOwner = foldAll([2]);
    assert.ok(onlyOwner);
    const e = toEntityFacts('0000000777', onlyOwner, []);
    assert.equal(e.entityType, 'owner');
    assert.equal(e.name, 'OTTER FARMS INC /O');
    assert.deepEqual(e.mailAddress, { city: 'BEND' });
  });
});
