import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { CommitmentRequestSchema } from "@/lib/commitments/commitment-schema";
import { planCommitment } from "@/lib/commitments/plan-commitment";

export const dynamic = "force-dynamic";

// POST /api/v1/plans/commitment - a commitment / provisioned-throughput offer vs pay-as-you-go on the model's observed hourly load
export const POST = withAuth("read", async ({ req, principal }) => Response.json(await planCommitment(principal, await readJson(req, CommitmentRequestSchema))));
