export * from './document-input.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './section.ts';
export * from './submission.ts';
export * from './warnings.ts';
