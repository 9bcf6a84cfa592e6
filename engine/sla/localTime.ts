/**
 * Local wall-clock arithmetic on epoch milliseconds with a fixed UTC offset (no time zones, no DST:
 * Asia/Shanghai has none). A "day" is the number of local days since 1970-01-01.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Local day number of an instant. */
export function localDayOf(epochMs: number, utcOffsetMinutes: number): number {
  return Math.floor((epochMs + utcOffsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** Epoch ms of local midnight starting `day`. */
export function localDayStart(day: number, utcOffsetMinutes: number): number {
  return day * MS_PER_DAY - utcOffsetMinutes * MS_PER_MINUTE;
}

/** Day of week of a local day, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const isoDates = new Map<number, string>();

/** `YYYY-MM-DD` of a local day (remembered: working-time arithmetic asks for the same few days over and over). */
export function isoDateOfDay(day: number): string {
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoDates.size >= 20_000) isoDates.clear();
    isoDates.set(day, iso);
  }
  return iso;
}

/** Local day number of a `YYYY-MM-DD` date. */
export function dayOfIsoDate(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN) / MS_PER_DAY);
}

/** Minutes after midnight of an `HH:mm` clock time. */
export function parseClockTime(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? NaN) * 60 + (m ?? NaN);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `HH:mm` (or `HH:mm:ss` when seconds are not zero) of an instant in local time. */
export function formatLocalClock(epochMs: number, utcOffsetMinutes: number): string {
  const local = epochMs + utcOffsetMinutes * MS_PER_MINUTE;
  const msOfDay = local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  const totalSeconds = Math.floor(msOfDay / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return s === 0 ? `${pad(h)}:${pad(m)}` : `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** `YYYY-MM-DD HH:mm` of an instant in local time. */
export function formatLocalDateTime(epochMs: number, utcOffsetMinutes: number): string {
  return `${isoDateOfDay(localDayOf(epochMs, utcOffsetMinutes))} ${formatLocalClock(epochMs, utcOffsetMinutes)}`;
}

/** Epoch ms of a local `YYYY-MM-DD` date and `HH:mm` time (handy for callers and tests). */
export function localInstant(isoDate: string, clock: string, utcOffsetMinutes: number): number {
  return localDayStart(dayOfIsoDate(isoDate), utcOffsetMinutes) + parseClockTime(clock) * MS_PER_MINUTE;
}
