/**
 * Progress for long CLI commands, on stderr: a cli-progress bar on a TTY (count, MB/s, ETA),
 * plain lines every few seconds otherwise (logs, CI, pipes). Shared by every long command.
 * @module
 */
import { Presets, SingleBar } from 'cli-progress';

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Short name printed first (`ingest`). */
  label: string;
  /** Total of `value` (for percent and ETA); 0 or absent when unknown. */
  total?: number;
  /** What the count is of (`files`). */
  unit?: string;
  /** Where to write (default `process.stderr`). */
  stream?: NodeJS.WriteStream;
  /** Force bar (true) or plain lines (false); default: whether the stream is a TTY. */
  tty?: boolean;
  /** Milliseconds between plain lines (default 2000). */
  intervalMs?: number;
  /** False to print nothing at all (`--quiet`, `--json` runs that want silence). */
  enabled?: boolean;
}

/** One progress reading. */
export interface ProgressState {
  /** Progress towards `total` (bytes read, for example). */
  value: number;
  /** Items done so far. */
  count: number;
  /** Bytes processed so far, for the MB/s figure. */
  bytes: number;
}

/** A progress display. */
export interface ProgressReporter {
  update(state: ProgressState): void;
  /** Print a line without breaking the bar. */
  log(line: string): void;
  /** Remove the bar (or print nothing more). Call once at the end. */
  stop(): void;
}

/**
 * Start a progress display.
 * @example const p = createProgress({ label: 'ingest', total: bytes, unit: 'files' }); p.update({ value, count, bytes }); p.stop();
 */
export function createProgress(options: ProgressOptions): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.enabled === false) return { update() {}, log() {}, stop() {} };
  const total = options.total ?? 0;
  const unit = options.unit ?? 'items';
  const started = performance.now();
  const rate = (bytes: number): string => {
    const s = (performance.now() - started) / 1000;
    return s > 0 ? (bytes / 1e6 / s).toFixed(1) : '0.0';
  };
  const tty = options.tty ?? stream.isTTY === true;

  if (tty) {
    const format =
      total > 0
        ? `${options.label} [{bar}] {percentage}% | {count} ${unit} | {mb} MB | {mbps} MB/s | ETA {eta_formatted}`
        : `${options.label} {count} ${unit} | {mb} MB | {mbps} MB/s | {duration_formatted}`;
    const bar = new SingleBar(
      { format, stream, hideCursor: true, clearOnComplete: true, etaBuffer: 100, fps: 5 },
      Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { count: 0, mb: '0.0', mbps: '0.0' });
    return {
      update(s) {
        bar.update(total > 0 ? Math.min(s.value, total) : 0, {
          count: s.count,
          mb: (s.bytes / 1e6).toFixed(1),
          mbps: rate(s.bytes),
        });
      },
      log(line) {
        stream.write(`\r\u001b[K${line}\n`);
        bar.render();
      },
      stop() {
        bar.stop();
      },
    };
  }

  const interval = options.intervalMs ?? 2000;
  let last = performance.now();
  let latest: ProgressState | undefined;
  let printed = '';
  const line = (s: ProgressState): string => {
    const parts = [
      `${options.label}: ${s.count} ${unit}`,
      `${(s.bytes / 1e6).toFixed(1)} MB`,
      `${rate(s.bytes)} MB/s`,
    ];
    if (total > 0) {
      const frac = Math.min(1, s.value / total);
      const elapsed = (performance.now() - started) / 1000;
      const eta = frac > 0 ? Math.round((elapsed * (1 - frac)) / frac) : undefined;
      parts.push(`${Math.floor(frac * 100)}%${eta === undefined ? '' : ` ETA ${eta}s`}`);
    }
    return `${parts.join(', ')}\n`;
  };
  return {
    update(s) {
      latest = s;
      const now = performance.now();
      if (now - last >= interval) {
        last = now;
        printed = line(s);
        stream.write(printed);
      }
    },
    log(text) {
      stream.write(`${text}\n`);
    },
    stop() {
      if (!latest || performance.now() - started < interval) return;
      const last = line(latest);
      if (last.replace(/ ETA \d+s/, '') !== printed.replace(/ ETA \d+s/, '')) stream.write(last);
    },
  };
}
