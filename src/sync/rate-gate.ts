/**
 * A start-rate gate: callers `await gate.take()` before each request; starts are spaced at least
 * `1000 / rate` ms apart, so no window of one second sees more than `rate` starts.
 * @module
 */

/** A gate created by `createRateGate`. */
export interface RateGate {
  /** Resolves when the caller may start one request. */
  take(signal?: AbortSignal): Promise<void>;
}

/**
 * A gate for `rate` starts per second (Infinity: no limit).
 * @example const gate = createRateGate(10); await gate.take(); fetch(url);
 */
export function createRateGate(rate: number): RateGate {
  const spacing = rate > 0 && Number.isFinite(rate) ? 1000 / rate : 0;
  let last = Number.NEGATIVE_INFINITY;
  // Takers go one at a time; each measures its own start, so a late timer never lets the
  // next start come early.
  let chain: Promise<void> = Promise.resolve();
  return {
    take(signal) {
      const turn = chain.then(async () => {
        for (;;) {
          const wait = last + spacing - performance.now();
          if (wait <= 0) break;
          await sleep(Math.ceil(wait), signal);
        }
        last = performance.now();
      });
      chain = turn.catch(() => {});
      return turn;
    },
  };
}

/**
 * Wait `ms`; rejects with the signal's reason when aborted.
 * @example await sleep(250, signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
