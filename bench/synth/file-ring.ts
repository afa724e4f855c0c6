/**
 * A ring of whole files in shared memory, one producer thread and one consumer thread: the producer
 * reads each file straight into the ring (no copy between threads), the consumer gets a `Buffer`
 * view of it and releases it when done. Files are released in the order they were published, so
 * the bytes in use are always one contiguous (wrapping) span from the oldest file to the write
 * position. Used by the benchmark's pipeline mode: a reader thread feeds the parsing thread.
 * @module
 */
import { Buffer } from 'node:buffer';
import { fstatSync, readSync } from 'node:fs';

/** The shared memory of a ring, passed to the other thread in `workerData`. */
export interface FileRingMemory {
  /** Counters and the file descriptors (Int32). */
  control: SharedArrayBuffer;
  /** The file bytes. */
  bytes: SharedArrayBuffer;
}

const PRODUCED = 0;
const CONSUMED = 1;
const NEXT = 2;
const DONE = 3;
/** The consumed count at which a waiting producer wants waking (0: not waiting). */
const WAKE_AT = 4;
/** Descriptors (start, length) from this index of the control array on. */
const HEAD = 8;
/**
 * Bytes a read is offered at least: smaller free spans are waited out (a file that fills what it
 * was offered is measured and read again into a span that fits).
 */
const MIN_SPAN = 256 * 1024;
/** Files start on cache-line boundaries and never touch the oldest file's line. */
const LINE = 64;

/** `poll()` results. */
export const RING_READY = 1;
/** The file at `index` is too large for the ring: the consumer reads it itself. */
export const RING_OVERSIZE = 2;
/** Nothing published yet. */
export const RING_EMPTY = 0;
/** The producer finished and every file was taken. */
export const RING_FINISHED = -1;

/**
 * Shared memory for a ring of `size` bytes holding at most `slots` files at once.
 * @example const memory = createFileRingMemory(2 * 1024 * 1024);
 */
export function createFileRingMemory(size = 2 * 1024 * 1024, slots = 1024): FileRingMemory {
  return {
    control: new SharedArrayBuffer(4 * (HEAD + 2 * slots)),
    bytes: new SharedArrayBuffer(size),
  };
}

/**
 * Claim the next file index from the counter every thread shares; -1 when all `total` are taken.
 * @example for (let i = claimFile(memory, n); i >= 0; i = claimFile(memory, n)) read(files[i]);
 */
export function claimFile(control: Int32Array, total: number): number {
  const i = Atomics.add(control, NEXT, 1);
  return i < total ? i : -1;
}

/** The writing side: reads files into the ring and publishes them. */
export class FileRingProducer {
  /** The shared counters (also the file-claim counter for `claimFile`). */
  readonly control: Int32Array;
  private readonly bytes: Buffer;
  private readonly size: number;
  private readonly slots: number;
  private produced = 0;
  /** Where the next file goes. */
  private wp = 0;
  /** Times the producer waited for the consumer to free space. */
  waits = 0;

  constructor(memory: FileRingMemory) {
    this.control = new Int32Array(memory.control);
    this.bytes = Buffer.from(memory.bytes);
    this.size = memory.bytes.byteLength;
    this.slots = (this.control.length - HEAD) / 2;
  }

  /**
   * Read the whole open file `fd` (the `index`-th file) into the ring and publish it. A file larger
   * than half the ring is published as `RING_OVERSIZE` for the consumer to read itself.
   */
  putFile(fd: number, index: number): void {
    let need = MIN_SPAN;
    for (;;) {
      // Never offered more than half the ring: a larger file then always fills its span and is
      // measured, even when the ring is empty (else whether it went in would depend on timing).
      const span = Math.min(this.reserve(need), this.size >> 1);
      const n = readSync(fd, this.bytes, this.wp, span, 0);
      if (n < span) {
        this.publish(this.wp, n);
        this.wp = Math.min(this.size, (this.wp + n + LINE - 1) & ~(LINE - 1));
        return;
      }
      // It filled the span: it may be larger. Its size decides where it goes.
      const size = fstatSync(fd).size;
      if (size + LINE > this.size / 2) {
        this.publish(this.wp, -1 - index);
        return;
      }
      need = size + LINE;
    }
  }

  /** Tell the consumer that no more files will come. */
  finish(): void {
    Atomics.store(this.control, DONE, 1);
    Atomics.notify(this.control, PRODUCED);
  }

  private publish(start: number, length: number): void {
    const c = this.control;
    const d = HEAD + 2 * (this.produced % this.slots);
    c[d] = start;
    c[d + 1] = length;
    this.produced++;
    Atomics.store(c, PRODUCED, this.produced);
    Atomics.notify(c, PRODUCED);
  }

  /**
   * Wait until `need` contiguous free bytes start at the write position (moving it to 0 when the
   * span before the ring's end is too short); returns the free span's length. A wait lasts until a
   * quarter of the files in the ring are consumed, so a full ring does not wake it for every file.
   */
  private reserve(need: number): number {
    const c = this.control;
    for (;;) {
      const consumed = Atomics.load(c, CONSUMED);
      const inUse = this.produced - consumed;
      let span = 0;
      if (inUse === 0) {
        this.wp = 0;
        span = this.size;
      } else if (inUse < this.slots) {
        const oldest = c[HEAD + 2 * (consumed % this.slots)] as number;
        if (oldest > this.wp) span = oldest - this.wp - LINE;
        else if (oldest < this.wp) {
          span = this.size - this.wp;
          if (span < need && oldest - LINE >= need) {
            this.wp = 0;
            span = oldest - LINE;
          }
        }
      }
      if (span >= need) return span;
      this.waits++;
      Atomics.store(c, WAKE_AT, consumed + Math.max(1, inUse >> 2));
      Atomics.wait(c, CONSUMED, consumed, 20);
      Atomics.store(c, WAKE_AT, 0);
    }
  }
}

/** The reading side: takes the published files in order. */
export class FileRingConsumer {
  private readonly control: Int32Array;
  private readonly bytes: Buffer;
  private readonly slots: number;
  private consumed = 0;
  /** After `RING_READY`: the file's bytes (valid until `release()`). */
  view: Buffer;
  /** After `RING_OVERSIZE`: the index of the file to read. */
  index = -1;

  constructor(memory: FileRingMemory) {
    this.control = new Int32Array(memory.control);
    this.bytes = Buffer.from(memory.bytes);
    this.slots = (this.control.length - HEAD) / 2;
    this.view = this.bytes.subarray(0, 0);
  }

  /** The next published file: `RING_READY`, `RING_OVERSIZE`, `RING_EMPTY` or `RING_FINISHED`. */
  poll(): number {
    const c = this.control;
    if (Atomics.load(c, PRODUCED) === this.consumed) {
      if (Atomics.load(c, DONE) === 0 || Atomics.load(c, PRODUCED) !== this.consumed) return RING_EMPTY;
      return RING_FINISHED;
    }
    const d = HEAD + 2 * (this.consumed % this.slots);
    const start = c[d] as number;
    const length = c[d + 1] as number;
    if (length < 0) {
      this.index = -1 - length;
      return RING_OVERSIZE;
    }
    this.view = this.bytes.subarray(start, start + length);
    return RING_READY;
  }

  /** Give the file from the last `poll()` back to the producer. */
  release(): void {
    const c = this.control;
    this.consumed++;
    Atomics.store(c, CONSUMED, this.consumed);
    const wakeAt = Atomics.load(c, WAKE_AT);
    if (wakeAt !== 0 && this.consumed >= wakeAt) Atomics.notify(c, CONSUMED);
  }

  /** Sleep until the producer publishes (or `ms` pass). */
  wait(ms: number): void {
    Atomics.wait(this.control, PRODUCED, this.consumed, ms);
  }
}
