/**
 * "Same keys, same types, recursively": learn the shape of real SEC JSON samples, then check
 * a generated value against it. Types seen at a path in any sample are allowed there; keys present
 * in every sample object at a path are required; keys never seen are reported as extra.
 * @module
 */

/** The learned shape of one JSON path. */
export interface JsonShape {
  types: Set<string>;
  /** For objects: child shapes by key, and how many sample objects had each key. */
  keys: Map<string, JsonShape>;
  keyCounts: Map<string, number>;
  objectCount: number;
  /** For arrays: the merged shape of all elements. */
  element?: JsonShape;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function empty(): JsonShape {
  return { types: new Set(), keys: new Map(), keyCounts: new Map(), objectCount: 0 };
}

function learn(shape: JsonShape, v: unknown): void {
  const t = typeOf(v);
  shape.types.add(t);
  if (t === 'array') {
    shape.element ??= empty();
    for (const e of v as unknown[]) learn(shape.element, e);
  } else if (t === 'object') {
    shape.objectCount++;
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      let s = shape.keys.get(k);
      if (!s) {
        s = empty();
        shape.keys.set(k, s);
      }
      shape.keyCounts.set(k, (shape.keyCounts.get(k) ?? 0) + 1);
      learn(s, child);
    }
  }
}

/** Learn one shape from several samples of the same document kind. */
export function shapeOf(...samples: unknown[]): JsonShape {
  const s = empty();
  for (const v of samples) learn(s, v);
  return s;
}

/**
 * Problems of `value` against `shape` (empty when it conforms).
 * @example assert.deepEqual(shapeProblems(ours, shapeOf(sample)), [])
 */
export function shapeProblems(value: unknown, shape: JsonShape, path = '$'): string[] {
  const t = typeOf(value);
  if (shape.types.size === 0) return [];
  if (!shape.types.has(t)) return [`${path}: ${t}, expected ${[...shape.types].join('|')}`];
  const out: string[] = [];
  if (t === 'array' && shape.element) {
    (value as unknown[]).forEach((e, i) => {
      if (i < 50) out.push(...shapeProblems(e, shape.element as JsonShape, `${path}[${i}]`));
    });
  } else if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [k, n] of shape.keyCounts) {
      if (n === shape.objectCount && !(k in obj)) out.push(`${path}.${k}: missing`);
    }
    for (const [k, v] of Object.entries(obj)) {
      const child = shape.keys.get(k);
      if (!child) out.push(`${path}.${k}: not in the samples`);
      else out.push(...shapeProblems(v, child, `${path}.${k}`));
    }
  }
  return out;
}
