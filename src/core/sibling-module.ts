/**
 * Where a worker thread's script is: beside the module that starts it, as `.ts` when edgarbox runs
 * from source (Node's type stripping) and as `.js` once built.
 * @module
 */

/**
 * The URL of the module `name` next to the module at `base` (its `import.meta.url`), with the
 * same extension as `base`.
 * @example new Worker(siblingModule('worker', import.meta.url))
 */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
