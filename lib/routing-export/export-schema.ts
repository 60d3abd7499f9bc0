import { z } from "zod";
import { EXPORT_FORMATS } from "./routing-table";

export const ExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
});
