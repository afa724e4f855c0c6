/**
 * A bounded async queue between one producer and one consumer: the producer awaits `ready()`
 * when the queue is full (backpressure), the consumer iterates with `for await`.
 * @module
 */

/** A bounded single-producer, single-consumer async queue. */
export interface Channel<T> extends AsyncIterable<T> {
  /** Append an item (never blocks; pair with `ready()` to respect the bound). */
  push(item: T): void;
  /** Resolves once the queue holds fewer than `limit` units (items or weighed size). */
  ready(): Promise<void>;
  /** No more items: the iterator ends after the queued ones. */
  close(): void;
  /** End with an error: the consumer's iterator throws it after the queued items. */
  fail(error: unknown): void;
  /** The consumer gives up: queued items are dropped and further pushes are ignored. */
  cancel(): void;
  /** True once `cancel()` was called. */
  readonly cancelled: boolean;
}

/**
 * Create a bounded channel.
 * @param limit how much may be queued before `ready()` waits
 * @param weigh the size of one item (default 1: the limit counts items)
 * @example const ch = createChannel<Buffer>(8 << 20, (b) => b.length);
 */
export function createChannel<T>(limit: number, weigh: (item: T) => number = () => 1): Channel<T> {
  const queue: T[] = [];
  let head = 0;
  let weight = 0;
  let done = false;
  let error: unknown;
  let failed = false;
  let cancelled = false;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;

  const signalConsumer = (): void => {
    const w = wakeConsumer;
    wakeConsumer = undefined;
    w?.();
  };
  const signalProducer = (): void => {
    const w = wakeProducer;
    wakeProducer = undefined;
    w?.();
  };

  return {
    get cancelled() {
      return cancelled;
    },
    push(item) {
      if (cancelled || done) return;
      queue.push(item);
      weight += weigh(item);
      signalConsumer();
    },
    ready() {
      if (cancelled || weight < limit) return Promise.resolve();
      return new Promise((resolve) => {
        wakeProducer = resolve;
      });
    },
    close() {
      done = true;
      signalConsumer();
    },
    fail(e) {
      error = e;
      failed = true;
      done = true;
      signalConsumer();
    },
    cancel() {
      cancelled = true;
      queue.length = 0;
      head = 0;
      weight = 0;
      signalProducer();
    },
    async *[Symbol.asyncIterator]() {
      try {
        while (true) {
          if (head < queue.length) {
            const item = queue[head] as T;
            queue[head] = undefined as T;
            head++;
            if (head > 1024 && head * 2 > queue.length) {
              queue.splice(0, head);
              head = 0;
            }
            weight -= weigh(item);
            if (weight < limit) signalProducer();
            yield item;
            continue;
          }
          if (done) {
            if (failed) throw error;
            return;
          }
          await new Promise<void>((resolve) => {
            wakeConsumer = resolve;
          });
        }
      } finally {
        if (!done) this.cancel();
      }
    },
  };
}
