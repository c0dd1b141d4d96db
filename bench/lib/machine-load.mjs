// @ts-check
/**
 * How much other work the machine did while the bench measured: the CPU time
 * the whole machine was busy (/proc/stat) less the bench's own and that of
 * the commands it ran (GNU time). Other work makes times longer, and not
 * alike for every tool, so the document says when there was some.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { childCpu, haveGnuTime } from "./spawn.mjs";

/**
 * @typedef {object} CpuSnapshot
 * @property {number} busy     seconds the machine's CPUs were busy since boot
 * @property {number} own      seconds of CPU used by the bench and its commands
 * @property {number} at       ms, wall clock
 */

/** Clock ticks per second in /proc/stat (USER_HZ; 100 on Linux). */
const TICKS = 100;

/** @returns {CpuSnapshot | undefined} undefined where there is no /proc/stat or no GNU time */
export function cpuSnapshot() {
  if (!haveGnuTime()) return undefined;
  try {
    const fields = /^cpu\s+(.+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]?.trim().split(/\s+/).map(Number);
    if (!fields || fields.length < 8) return undefined;
    // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    const self = process.cpuUsage();
    return { busy: (user + nice + system + irq + softirq + steal) / TICKS, own: childCpu.seconds + (self.user + self.system) / 1e6, at: Date.now() };
  } catch {
    return undefined;
  }
}

/**
 * @typedef {object} OtherWork
 * @property {number} otherSeconds     CPU seconds of other work
 * @property {number} capacitySeconds  wall seconds × CPUs
 */

/**
 * Accumulates the other work over the measured spans, in total and per key
 * (a Node and a measurement).
 * @returns {{start(key: string): void, stop(): void, total(): OtherWork | undefined, byKey: Map<string, OtherWork>}}
 */
export function otherWork() {
  /** @type {{key: string, snapshot: CpuSnapshot} | undefined} */
  let from;
  /** @type {Map<string, OtherWork>} */
  const byKey = new Map();
  return {
    start(key) {
      const snapshot = cpuSnapshot();
      from = snapshot ? { key, snapshot } : undefined;
    },
    stop() {
      const to = cpuSnapshot();
      if (!from || !to) return;
      const { key, snapshot } = from;
      // The commands' CPU time is read when each ends, the machine's continuously: never below zero.
      const other = Math.max(0, to.busy - snapshot.busy - (to.own - snapshot.own));
      const capacity = ((to.at - snapshot.at) / 1000) * os.cpus().length;
      const sum = byKey.get(key) ?? { otherSeconds: 0, capacitySeconds: 0 };
      byKey.set(key, { otherSeconds: sum.otherSeconds + other, capacitySeconds: sum.capacitySeconds + capacity });
      from = undefined;
    },
    total() {
      if (byKey.size === 0) return undefined;
      let otherSeconds = 0;
      let capacitySeconds = 0;
      for (const w of byKey.values()) {
        otherSeconds += w.otherSeconds;
        capacitySeconds += w.capacitySeconds;
      }
      return { otherSeconds, capacitySeconds };
    },
    byKey,
  };
}
