/**
 * The current time in US Eastern time, as SEC's feeds write it.
 * @module
 */
import { easternOffset } from './sec/dates.ts';

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * `now` as ISO with the Eastern offset and as the feed-title label (`Fri, 12 Dec 2025 18:03:31 EST`).
 * @example easternNow(new Date()).iso // '2025-12-12T18:03:31-05:00'
 */
export function easternNow(now: Date): { iso: string; label: string } {
  const p = Object.fromEntries(PARTS.formatToParts(now).map((x) => [x.type, x.value]));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const mm = String(months.indexOf(p.month ?? 'Jan') + 1).padStart(2, '0');
  const date = `${p.year}-${mm}-${p.day}`;
  const offset = easternOffset(date);
  const time = `${p.hour}:${p.minute}:${p.second}`;
  return {
    iso: `${date}T${time}${offset}`,
    label: `${p.weekday}, ${p.day} ${p.month} ${p.year} ${time} ${offset === '-04:00' ? 'EDT' : 'EST'}`,
  };
}
