import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * CPU time used by a PostgreSQL cluster so far (ms): the postmaster and its live children (backends, WAL writer,
 * checkpointer...) plus what exited children left in the postmaster's cutime/cstime. Wall-clock throughput on a
 * shared 2-core machine swings with other load; CPU per event does not, so the bench reports both.
 */
export function pgCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const ticks = (pid: number, withChildren: boolean) => {
    const f = stat(pid);
    if (!f) return 0;
    return Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
  };
  // A backend reaped while /proc is scanned would be in neither sum (gone from the scan, not yet in the cutime read
  // before it): exactly what happens when a CLI import's connections close as it exits. So scan again until the
  // postmaster's own figures did not move during a scan.
  for (;;) {
    const before = ticks(postmaster, true);
    let children = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const f = stat(Number(entry));
      if (f && Number(f[1]) === postmaster) children += ticks(Number(entry), false);
    }
    const after = ticks(postmaster, true);
    if (after === before) return (after + children) * 10; // 100 ticks per second (CLK_TCK)
  }
}

/** CPU time (ms) one process has used so far. */
export function processCpuMs(pid: number): number {
  const f = stat(pid);
  return f ? (Number(f[11]) + Number(f[12])) * 10 : 0;
}

/** CPU time (ms) this process's children that have exited and been waited for have used (cutime + cstime). */
export function childrenCpuMs(): number {
  const f = stat(process.pid);
  return f ? (Number(f[13]) + Number(f[14])) * 10 : 0;
}

/** /proc/<pid>/stat fields after the command name: [0] = state, [1] = ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
function stat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}
