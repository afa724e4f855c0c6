export * from './app.ts';
export * from './node.ts';
