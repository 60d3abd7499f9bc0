/**
 * A workload is over-specified when it pays for more model than it needs:
 * - eval evidence shows a cheaper model meets its quality floor (evidence wins, either way), or
 * - without evidence, it is a routine class running on the frontier tier.
 */
import { isRoutineClass } from "./task-class";

/**
 * @param evidenceMeetsFloor true: a cheaper model meets the floor on the linked eval set; false: evals exist and no
 *   cheaper model does (then a routine class on frontier is NOT flagged); null: no eval evidence.
 */
export function isOverSpecified(
  taskClass: string | null | undefined,
  tier: string | null | undefined,
  evidenceMeetsFloor: boolean | null,
): boolean {
  if (evidenceMeetsFloor !== null) return evidenceMeetsFloor;
  return isRoutineClass(taskClass) && tier === "frontier";
}
