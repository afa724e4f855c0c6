export * from './query.ts';
export * from './query-node.ts';
export * from './snippet.ts';
