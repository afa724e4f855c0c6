export * from './describe.ts';
export * from './http.ts';
export * from './server.ts';
export * from './stdio.ts';
