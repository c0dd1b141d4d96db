import { docxState, markdownState, sameDocx, sameMarkdown } from "./fingerprint.js";
import { markdownText, readEarlierOutput } from "./existing.js";

/**
 * What a draft on disk is, next to what its case gives today, as
 * `draft --check` judges it: not there, the same (by content, so that a
 * word processor's re-save is no change), edited by hand (its fingerprint
 * no longer matches what remiss wrote), or written by remiss from another
 * version of the case.
 */
export type DraftFileState = "missing" | "same" | "edited" | "stale";

/**
 * The state of the draft at `path` (`shown`: its name in messages).
 * `expected` is what the case gives today; undefined when the case cannot
 * be drafted, and then an intact draft is stale. A draft that is there but
 * cannot be read is a RemissError (src/output/existing.ts).
 */
export function draftFileState(path: string, shown: string, expected: string | Uint8Array | undefined): DraftFileState {
  const existing = readEarlierOutput(path, shown);
  if (!existing) return "missing";
  const isMarkdown = /\.md$/iu.test(path);
  const text = isMarkdown ? markdownText(existing) : "";
  if (expected !== undefined) {
    const same = isMarkdown
      ? sameMarkdown(text, typeof expected === "string" ? expected : Buffer.from(expected).toString("utf8"))
      : sameDocx(existing, typeof expected === "string" ? Buffer.from(expected) : expected);
    if (same) return "same";
  }
  const state = isMarkdown ? markdownState(text) : docxState(existing);
  return state === "edited" ? "edited" : "stale";
}
