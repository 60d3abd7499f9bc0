import { addDays, todayUtc } from "@/lib/analytics/dates";

/**
 * When a schedule sends and about what (pure, UTC):
 * - monthly_report on day N: from day N of a month until its end, the slot is that month's and the report is about
 *   the month before (e.g. day 3 -> on 2026-12-03..31 it sends November). A server down on day N sends later in
 *   the month; never a month late.
 * - weekly_digest on ISO weekday W: the slot is the latest W on or before today, about the 7 days before it
 *   (W = Monday: the previous Monday to Sunday).
 * A slot's key is stored on the schedule once sent, so each is sent once (several server processes included).
 */
export interface Slot {
  /** Stored as last_period_key once sent. */
  key: string;
  /** What the message is about. */
  period: { kind: "month"; month: string } | { kind: "week"; from: string; to: string };
}

export interface Timing {
  kind: "monthly_report" | "weekly_digest";
  dayOfMonth: number | null;
  weekday: number | null;
}

/** The slot that should have been sent by `now` (null: none yet this month for a monthly report). */
export function currentSlot(s: Timing, now: Date): Slot | null {
  const today = todayUtc(now);
  if (s.kind === "monthly_report") {
    if (Number(today.slice(8)) < s.dayOfMonth!) return null;
    const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    return { key: month, period: { kind: "month", month } };
  }
  const sendDay = addDays(today, -((isoWeekday(today) - s.weekday! + 7) % 7));
  return { key: sendDay, period: { kind: "week", from: addDays(sendDay, -7), to: addDays(sendDay, -1) } };
}

/**
 * last_period_key after an edit of the timing. Same kind: keep the later of the key already sent and the new
 * timing's current slot (keys of one kind sort by date), so nothing sent is sent again and, as at create, the
 * current slot of the new timing is not sent at once. Another kind: its keys mean other things, so only the new
 * current slot counts as sent.
 */
export function keyAfterEdit(before: Timing & { lastPeriodKey: string | null }, after: Timing, now: Date): string | null {
  const current = currentSlot(after, now)?.key ?? null;
  if (before.kind !== after.kind) return current;
  if (before.lastPeriodKey === null) return current;
  return current !== null && current > before.lastPeriodKey ? current : before.lastPeriodKey;
}

/** "Send now": the latest complete period, whatever the timer did (last month; the 7 days up to yesterday). */
export function sendNowSlot(kind: Timing["kind"], now: Date): Slot {
  const today = todayUtc(now);
  if (kind === "monthly_report") {
    const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    return { key: month, period: { kind: "month", month } };
  }
  return { key: today, period: { kind: "week", from: addDays(today, -7), to: addDays(today, -1) } };
}

/** The UTC day of the next automatic send after the last one sent. */
export function nextRunDay(s: Timing & { lastPeriodKey: string | null }, now: Date): string {
  const today = todayUtc(now);
  const slot = currentSlot(s, now);
  if (slot && slot.key !== s.lastPeriodKey) return today; // due now
  if (s.kind === "monthly_report") {
    const thisMonth = `${today.slice(0, 7)}-${String(s.dayOfMonth).padStart(2, "0")}`;
    // This month's day N is next unless its slot (the month before) was already sent, e.g. after a timing edit.
    const thisMonthKey = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    if (thisMonth > today && s.lastPeriodKey !== thisMonthKey) return thisMonth;
    const next = addDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7);
    return `${next}-${String(s.dayOfMonth).padStart(2, "0")}`;
  }
  return addDays(today, ((s.weekday! - isoWeekday(today) + 7) % 7) || 7);
}

export function describeTiming(s: Timing): string {
  if (s.kind === "monthly_report") return `Monthly on day ${s.dayOfMonth} (UTC), about the month before`;
  return `Weekly on ${WEEKDAYS[s.weekday! - 1]} (UTC), about the 7 days before`;
}

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
