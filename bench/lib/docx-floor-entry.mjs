// @ts-check
/**
 * The least a Word document written with docx costs: one paragraph, packed
 * by docx's own Packer, written to the file named last on the command
 * line. Built into a bundle of its own and started through remiss's
 * bin/remiss.js (the same loader and code cache), it is the floor under a
 * cold `remiss draft` that the product's libraries set (see
 * bench/measurements/docx-floor.mjs).
 */
import { writeFileSync } from "node:fs";
import { Document, Packer, Paragraph } from "docx";

/** @param {readonly string[]} argv */
export async function main(argv) {
  const document = new Document({ sections: [{ children: [new Paragraph("Tjänsteutlåtande")] }] });
  writeFileSync(/** @type {string} */ (argv.at(-1)), await Packer.toBuffer(document));
  return 0;
}
