/** Chart axes format money through the one formatter (lib/ui/money). */
export { usdAxis } from "@/lib/ui/money";
