/**
 * The backend-neutral `Store` contract suite on PostgreSQL: a fresh database per run on
 * `DATABASE_URL` or a scratch server (see `pg-server.ts`); skipped with a reason when neither
 * is available, never under `CI=true`.
 */
import { test } from 'node:test';
import { createPostgresStore } from '../src/store/postgres/store.ts';
import { createTestDatabase, dropTestDatabase } from './pg-server.ts';
import { storeContract } from './store-contract.ts';

const probe = await createTestDatabase();
if (typeof probe === 'string') {
  await dropTestDatabase(probe);
  storeContract('postgres', async () => {
    const url = await createTestDatabase();
    if (typeof url !== 'string') throw new Error(url.skip);
    const store = await createPostgresStore({ url });
    return { store, dispose: () => dropTestDatabase(url), reopen: () => createPostgresStore({ url }) };
  });
} else {
  test('Store contract: postgres', { skip: probe.skip }, () => {});
}
