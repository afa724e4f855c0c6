export * from './compress-raw.ts';
export * from './cursor.ts';
export * from './store.ts';
