export * from './compress-raw.ts';
export * from './store.ts';
