import "server-only";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import { currentSlot, sendNowSlot } from "./schedule-slots";
import { loadSchedule, loadSchedules, deliveriesById, type ScheduleRecord } from "./schedule-store";
import { composeFor, insertDeliveries, periodLabel } from "./enqueue-deliveries";
import { runDueReportDeliveries } from "./deliver-reports";

/**
 * The timer's job (lib/alerts/scheduler.ts runs it every minute): for each enabled schedule whose current slot
 * has not been sent, build the message and, in one transaction, claim the slot (UPDATE ... WHERE last_period_key
 * IS DISTINCT FROM the slot: only one process wins) and queue its deliveries. Sending is runDueReportDeliveries.
 * Returns the schedules that were queued.
 */
export async function queueDueSchedules(now = new Date()): Promise<number[]> {
  const queued: number[] = [];
  for (const s of await loadSchedules()) {
    if (!s.enabled) continue;
    const slot = currentSlot(s, now);
    if (!slot || slot.key === s.lastPeriodKey) continue;
    const message = await composeFor(s, slot, now);
    const db = await pool().connect();
    try {
      await db.query("BEGIN");
      const claim = await db.query("UPDATE report_schedules SET last_period_key = $2 WHERE id = $1 AND enabled AND last_period_key IS DISTINCT FROM $2", [s.id, slot.key]);
      if (claim.rowCount) await insertDeliveries(db, s, periodLabel(slot), "schedule", message, now);
      await db.query("COMMIT");
      if (claim.rowCount) queued.push(s.id);
    } catch (error) {
      await db.query("ROLLBACK");
      throw error;
    } finally {
      db.release();
    }
  }
  return queued;
}

/** Timer tick: queue what is due, then send what is due (retries included). */
export async function runReportSchedules(now = new Date()) {
  const queued = await queueDueSchedules(now);
  const sent = await runDueReportDeliveries({ now });
  return { queued, ...sent };
}

/** "Send now": the latest complete period to every channel at once, answered with each delivery's outcome. */
export async function sendScheduleNow(id: number, now = new Date()) {
  const s: ScheduleRecord = await loadSchedule(id);
  const slot = sendNowSlot(s.kind, now);
  const message = await composeFor(s, slot, now);
  const db = await pool().connect();
  let ids: number[];
  try {
    await db.query("BEGIN");
    ids = await insertDeliveries(db, s, periodLabel(slot), "manual", message, now);
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  } finally {
    db.release();
  }
  if (ids.length === 0) throw new AppError("bad_request", "this schedule has no recipient: the team has no lead and no email or webhook is set");
  await runDueReportDeliveries({ ids, now });
  return { periodKey: periodLabel(slot), deliveries: await deliveriesById(ids) };
}
