export * from './query-node.ts';
