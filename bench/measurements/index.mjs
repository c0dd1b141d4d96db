// @ts-check
/**
 * The measurements, in the order they run and appear in docs/benchmarks.md.
 * A new measurement is a new module here: `{ id, title, run(context),
 * method(info) }` (see bench/lib/context.mjs).
 */
import breakdown from "./breakdown.mjs";
import check from "./check.mjs";
import coldDraft from "./cold-draft.mjs";
import docxFloor from "./docx-floor.mjs";
import firstRun from "./first-run.mjs";
import initKorpus from "./init-korpus.mjs";
import limits from "./limits.mjs";
import manyCases from "./many-cases.mjs";
import versionHelp from "./version-help.mjs";

/** @type {import("../lib/context.mjs").Measurement[]} */
export const MEASUREMENTS = [coldDraft, docxFloor, firstRun, versionHelp, manyCases, check, limits, breakdown, initKorpus];
