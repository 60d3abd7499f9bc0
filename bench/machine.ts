import { cpus, loadavg } from "node:os";

/**
 * What every benchmark prints beside its figures (issue 17.4): the machine's core count, the load average during
 * the run (sampled each second, so a neighbour's burst shows) and the CPU-seconds each process of the run used.
 * Wall-clock figures move with the machine; CPU time per unit of work does not move much: compare runs by both.
 */
export interface MachineReport {
  cpus: number;
  node: string;
  wallSeconds: number;
  loadAverage: { start: number; end: number; mean: number; max: number };
  cpuSeconds: Record<string, number>;
}

/** `processes`: name -> CPU milliseconds used so far (read at start and at finish; the difference is reported). */
export function startMachineMeter(processes: Record<string, () => number> = {}) {
  const started = performance.now();
  const startCpu = process.cpuUsage();
  const startProcs = Object.fromEntries(Object.entries(processes).map(([name, read]) => [name, safeRead(read)]));
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 1000);
  timer.unref();
  return {
    /** Adds a process that started after the meter (e.g. the server); counted from now. */
    add(name: string, read: () => number) {
      processes[name] = read;
      startProcs[name] = safeRead(read);
    },
    finish(): MachineReport {
      clearInterval(timer);
      samples.push(loadavg()[0]);
      const cpu = process.cpuUsage(startCpu);
      const cpuSeconds: Record<string, number> = { bench: round((cpu.user + cpu.system) / 1e6) };
      for (const [name, read] of Object.entries(processes)) cpuSeconds[name] = round((safeRead(read) - startProcs[name]) / 1000);
      return {
        cpus: cpus().length,
        node: process.version,
        wallSeconds: round((performance.now() - started) / 1000),
        loadAverage: { start: round(samples[0]), end: round(samples[samples.length - 1]), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length), max: round(Math.max(...samples)) },
        cpuSeconds,
      };
    },
  };
}

function safeRead(read: () => number): number {
  try {
    return read();
  } catch {
    return 0;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
