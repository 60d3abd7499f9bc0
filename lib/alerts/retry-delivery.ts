import "server-only";
import { pool } from "@/lib/db/pool";
import { AppError, notFound } from "@/lib/errors";
import { retryDelivery, runDueDeliveries } from "./deliver-webhooks";

/** The Retry button: one more attempt now, answered with the delivery's new state (delivered, or the new error). */
export async function retryDeliveryNow(id: number) {
  const before = await pool().query<{ status: string }>("SELECT status FROM webhook_deliveries WHERE id = $1", [id]);
  if (!before.rows[0]) throw notFound(`delivery ${id}`);
  if (before.rows[0].status === "delivered") throw new AppError("conflict", `delivery ${id} was already delivered`);
  await retryDelivery(id);
  await runDueDeliveries({ ids: [id] });
  const after = await pool().query<{ id: number; status: string; attempts: number; last_error: string | null; delivered_at: Date | null }>(
    "SELECT id, status, attempts, last_error, delivered_at FROM webhook_deliveries WHERE id = $1",
    [id],
  );
  const d = after.rows[0];
  return { id: d.id, status: d.status, attempts: d.attempts, lastError: d.last_error, deliveredAt: d.delivered_at?.toISOString() ?? null };
}
