import type { Finding } from "../diagnostics.js";
import type { CheckDocument, Position } from "./document.js";
import { DEFAULT_PARAMS, type Rule, type RuleParams } from "./rule.js";
import { RULES } from "./rules/index.js";
import { isBefore, withSectionList } from "./sections.js";

/**
 * Runs the rules over one document. The reader's own findings (schema
 * errors, files that cannot be read) come first, unchanged; then each
 * rule's, with the rule's id and severity added here.
 */
export function runRules(
  document: CheckDocument,
  params: Partial<RuleParams> = {},
  rules: readonly Rule[] = RULES,
): Finding[] {
  const merged: RuleParams = { ...DEFAULT_PARAMS, ...params };
  const findings: Finding[] = [...document.findings];
  const matched = withSectionList(document, merged.sections);
  for (const rule of rules) {
    const setting = merged.severities?.[rule.id];
    if (setting === "off") continue;
    const severity = setting ?? rule.severity;
    rule.check(
      matched,
      (position, message) => {
        if (position.part === undefined && disabledAt(matched, rule.id, position)) return;
        findings.push({ line: position.line, column: position.column, severity, rule: rule.id, message: inPart(position, message) });
      },
      merged,
    );
  }
  return findings;
}

/** A message about text outside the body says where it stands: ”I sidfoten, stycke 2: …”. */
export function inPart(position: Position, message: string): string {
  return position.part === undefined ? message : `I ${position.part}: ${message}`;
}

/** Whether the rule is switched off in the section where a finding stands. */
function disabledAt(document: CheckDocument, rule: string, position: Position): boolean {
  let section: CheckDocument["sections"][number] | undefined;
  for (const candidate of document.sections) {
    if (!candidate.heading || isBefore(position, candidate.position)) continue;
    section = candidate;
  }
  return section?.disabled?.includes(rule) ?? false;
}
