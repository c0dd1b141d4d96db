import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.js";

/** Replaces `from` with `to` in `text`, which must hold it exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + from.length) !== -1) throw new Error(`not exactly once in the fixture: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * A new version of the reference case (fixtures/sodermalm-ks-2025-804.yaml)
 * as a writer would make it after review: a word replaced by an emphasised
 * one, a sentence lengthened, a paragraph with a link added and one
 * removed, an att-sats, a signature, a section and a bilaga added.
 */
export function newerReferenceCase(old: string): string {
  let text = old;
  text = replaceOnce(
    text,
    "  oroande och kräver kraftfulla och samordnade insatser.\n",
    "  oroande och kräver *snabba* och samordnade insatser.\n\n  Förvaltningen vill också lyfta [fritidsgårdarnas](https://start.stockholm/fritid)\n  roll i det förebyggande arbetet.\n",
  );
  const removed = text.indexOf("\n  Stadens förstärkningsteam", text.indexOf("synpunkter:"));
  text = text.slice(0, removed) + text.slice(text.indexOf("barnrattsanalys:", removed));
  text = replaceOnce(text, "      gängrelaterad brottslighet.\n", "      gängrelaterad brottslighet.\n    - >-\n      Att utvärdera förstärkningsteamets arbete efter två år.\n");
  text = replaceOnce(text, "Enligt barnkonventionen har varje barn rätt", "Enligt barnkonventionen, som är svensk lag sedan 2020, har varje barn rätt");
  text = replaceOnce(
    text,
    "bilagor: [Motionen]",
    "  - namn: Anna Berg\n    titel: Enhetschef\negna_avsnitt:\n  - rubrik: Ekonomiska konsekvenser\n    text: |\n      Förslaget ryms inom nämndens budget.\nbilagor: [Motionen, Remissbrevet]",
  );
  return text;
}

/** Writes the reference case as `gammal.yaml` and its newer version as `ny.yaml` in `dir`. */
export function writeReferencePair(dir: string): { old: string; neu: string } {
  const old = readFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml"), "utf8");
  writeFileSync(join(dir, "gammal.yaml"), old);
  writeFileSync(join(dir, "ny.yaml"), newerReferenceCase(old));
  return { old: "gammal.yaml", neu: "ny.yaml" };
}
