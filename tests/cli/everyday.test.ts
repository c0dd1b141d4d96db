import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { BIN, ROOT, exitAfterCtrlC, hasStackTrace, runCli } from "../support/cli.js";

/** The everyday commands, run as a user runs them, on files in a temporary folder. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-everyday-"));
});

const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");
const LETTERHEAD = "forvaltning:\n  namn: Farsta stadsdelsförvaltning\n  namnd: Farsta stadsdelsnämnd\n";
const SIGNATORIES = "underskrifter:\n  - namn: Eva Ek\n    titel: Stadsdelsdirektör\n";
/** The minimal case without its letterhead and signatories: what a profile supplies. */
const BARE = MINIMAL.replace(LETTERHEAD, "").replace(SIGNATORIES, "");

describe("remiss init", () => {
  it("writes a starter that drafts without errors, with the schema modeline", () => {
    const init = runCli(["init"], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toBe("Skrev arende.yaml. Fyll i fälten och kör sedan: remiss draft arende.yaml\n");
    const starter = readFileSync(join(dir, "arende.yaml"), "utf8");
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(starter)?.[1];
    expect(modeline && existsSync(join(dir, modeline))).toBe(true);
    expect(starter).toContain("[Skriv förvaltningens synpunkter här.]");
    const draft = runCli(["draft", "arende.yaml"], { cwd: dir });
    // Drafted, with a word about what is left to fill in; --strict makes that a failure.
    // Counted in the Word document as check reads it: the body, the letterhead, the footer and the properties.
    expect(draft.stderr).toBe("51 platshållare står kvar i arende.md och arende.docx; remiss check visar var.\n");
    expect(draft.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["arende.docx", "arende.md", "arende.yaml"]);
    expect(runCli(["draft", "arende.yaml", "--strict"], { cwd: dir }).code).toBe(1);
    // Dates it cannot know are not invented: the reply date and the organs' dates are left for the writer.
    expect(starter).toContain("  # svar_senast: ÅÅÅÅ-MM-DD");
    expect(starter).not.toMatch(/svar_senast: \d/u);
  });

  it("never overwrites an existing file, unless --force", () => {
    writeFileSync(join(dir, "arende.yaml"), "# mitt arbete\n");
    const again = runCli(["init"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("arende.yaml: filen finns redan och skrivs inte över. Välj ett annat namn, eller använd --force.\n");
    expect(readFileSync(join(dir, "arende.yaml"), "utf8")).toBe("# mitt arbete\n");
    expect(runCli(["init", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "arende.yaml"), "utf8")).toContain("forvaltning:");
    expect(runCli(["init", "annat.yaml"], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, "annat.yaml"))).toBe(true);
  });
});

describe("remiss.config.yaml", () => {
  it("supplies the letterhead and signatories, found in a parent folder", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), `${LETTERHEAD}  adress: [Box 3, 123 21 Farsta]\n${SIGNATORIES}`);
    mkdirSync(join(dir, "2025"));
    writeFileSync(join(dir, "2025", "arende.yaml"), BARE);
    const result = runCli(["draft", "2025/arende.yaml", "--format", "md"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const md = readFileSync(join(dir, "2025", "arende.md"), "utf8");
    expect(md).toContain("Till Farsta stadsdelsnämnd\n");
    expect(md).toContain("    - Box 3\n");
    expect(md).toContain("Eva Ek\\\nStadsdelsdirektör\\\nFarsta stadsdelsförvaltning\n");
  });

  it("lets a case override the letterhead field by field", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), `${LETTERHEAD}${SIGNATORIES}`);
    writeFileSync(join(dir, "arende.yaml"), `forvaltning:\n  namnd: Skärholmens stadsdelsnämnd\n${BARE}`);
    expect(runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
    const md = readFileSync(join(dir, "arende.md"), "utf8");
    expect(md).toContain("Till Skärholmens stadsdelsnämnd\n");
    expect(md).toContain("  namn: Farsta stadsdelsförvaltning\n");
  });

  it("is validated like a case, with FILE:LINE:COL", () => {
    writeFileSync(join(dir, "remiss.config.yaml"), `${LETTERHEAD}check:\n  lix: sextio\n  meningslangd: 30\nmallar: egna\n`);
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    const result = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(result.code).toBe(1);
    const config = "remiss.config.yaml";
    expect(result.stderr).toBe(
      [
        `${config}:5:8: fel: ”lix” ska vara ett heltal, t.ex. 60, inte ”sextio”. (check.lix)`,
        `${config}:7:1: fel: Okänd nyckel ”mallar”. Tillåtna nycklar: forvaltning, underskrifter, husstil, templates, check, diff. (mallar)`,
        `arende.yaml: inget skrevs, eftersom ${config} har fel. Rätta dem och kör igen.`,
        "",
      ].join("\n"),
    );
  });
});

describe("own templates", () => {
  it("exports the built-in templates, and an edited one changes the output", () => {
    const exported = runCli(["templates", "export", "mallar"], { cwd: dir });
    expect(exported.code).toBe(0);
    expect(readdirSync(join(dir, "mallar", "sektioner")).sort()).toContain("sammanfattning.md.hbs");
    expect(existsSync(join(dir, "mallar", "tjansteutlatande.md.hbs"))).toBe(true);
    expect(runCli(["templates", "export", "mallar"], { cwd: dir }).code).toBe(1);

    writeFileSync(join(dir, "mallar", "sektioner", "sammanfattning.md.hbs"), "{{text}}\n\n{{inledning}}\n");
    writeFileSync(join(dir, "remiss.config.yaml"), "templates: mallar\n");
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    expect(runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir }).code).toBe(0);
    const md = readFileSync(join(dir, "arende.md"), "utf8");
    expect(md).toMatch(/## Sammanfattning\n\n<!-- fingeravtryck: [0-9a-f]{16} -->\n\n<!-- fält: sammanfattning -->\n\nFörvaltningen ser positivt på förslaget\.\n\n<!-- \/fält: sammanfattning -->\n\nStadsdelsnämnden har på remiss/u);
    // The other sections stay built in.
    const builtIn = readFileSync(join(ROOT, "fixtures", "minimal.md"), "utf8");
    expect(md.slice(md.indexOf("## Bakgrund"))).toBe(builtIn.slice(builtIn.indexOf("## Bakgrund")));
  });

  it("reports an error in a template as TEMPLATE:LINE, never a stack trace", () => {
    mkdirSync(join(dir, "mallar", "sektioner"), { recursive: true });
    writeFileSync(join(dir, "mallar", "sektioner", "bakgrund.md.hbs"), "{{remiss}}\n\n{{#if avenTill}}\n{{avenTill}}\n");
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    const result = runCli(["draft", "arende.yaml", "--templates", "mallar"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${join(dir, "mallar", "sektioner", "bakgrund.md.hbs")}:\\d+: fel i mallen: `));
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["arende.yaml", "mallar"]);
  });
});

describe("piping and watching", () => {
  it("prints the Markdown with --stdout and writes nothing", () => {
    copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, "arende.yaml"));
    const result = runCli(["draft", "--stdout", "arende.yaml"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, "fixtures", "minimal.md"), "utf8"));
    expect(readdirSync(dir)).toEqual(["arende.yaml"]);
  });

  it("drafts again with --watch when the input changes, and goes on after an error", async () => {
    copyFileSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, "arende.yaml"));
    const child = spawn(process.execPath, [BIN, "draft", "--watch", "--format", "md", "arende.yaml"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Generous waits: on a busy two-core machine (LibreOffice converting in another test) file events come late.
    const until = async (predicate: () => boolean) => {
      const deadline = Date.now() + 25_000;
      while (!predicate() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(predicate(), `stdout: ${stdout}\nstderr: ${stderr}`).toBe(true);
    };
    let code: number | null | string = "not ended";
    try {
      await until(() => stderr.includes("Bevakar ändringar"));
      expect(stdout).toBe("Skrev arende.md\n");
      writeFileSync(join(dir, "arende.yaml"), MINIMAL.replace("svar_senast: 2025-12-01", "svar_senast: 2025-12-99"));
      await until(() => stderr.includes("finns inte i kalendern"));
      writeFileSync(join(dir, "arende.yaml"), MINIMAL.replace("Förvaltningen ser positivt på förslaget.", "Förvaltningen tillstyrker."));
      await until(() => stdout.split("Skrev arende.md").length === 3);
      expect(readFileSync(join(dir, "arende.md"), "utf8")).toContain("\nFörvaltningen tillstyrker.\n");
    } finally {
      code = await exitAfterCtrlC(child);
    }
    expect(code).toBe(0);
  }, 120_000);

  it("prints its version", () => {
    const result = runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}\n`);
  });
});

describe("remiss.config.yaml for check", () => {
  const reference = readFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.md"), "utf8");

  it("adds required sections and sets the LIX and sentence limits", () => {
    writeFileSync(join(dir, "utlatande.md"), reference);
    const before = runCli(["check", "utlatande.md", "--format", "json"], { cwd: dir });
    expect(before.code).toBe(0);
    const rules = (JSON.parse(before.stdout) as { rule: string }[]).map((d) => d.rule);
    expect(rules).toContain("text/lix");
    expect(rules).toContain("text/lang-mening");

    writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  avsnitt: [Ekonomiska konsekvenser]\n  lix: 70\n  meningslangd: 45\n");
    const after = runCli(["check", "utlatande.md", "--format", "json"], { cwd: dir });
    expect(after.code).toBe(1);
    const findings = JSON.parse(after.stdout) as { rule: string; message: string; line: number }[];
    expect(findings).toEqual([
      // The published text has ”socialsekreterare som innehar spetskompetens”: a word of the klarspråk list, whatever the limits.
      expect.objectContaining({ rule: "text/klarsprak", message: "Skriv ”ha” i stället för ”inneha” (här ”innehar”)." }),
      expect.objectContaining({ rule: "sektion/saknas", message: "Avsnittet ”Ekonomiska konsekvenser” saknas. Lägg till det, med rubrik och text, före underskrifterna." }),
    ]);

    const withSection = reference.replace("\nFörvaltningen föreslår att", "\n## Ekonomiska konsekvenser\n\nInga kostnader.\n\nFörvaltningen föreslår att");
    writeFileSync(join(dir, "utlatande.md"), withSection);
    expect(runCli(["check", "utlatande.md"], { cwd: dir }).code).toBe(0);
  });

  it("reports a broken config with FILE:LINE:COL and fails", () => {
    writeFileSync(join(dir, "utlatande.md"), reference);
    writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  lix: hög\n");
    const result = runCli(["check", "utlatande.md", "--format", "json"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: "remiss.config.yaml", line: 2, column: 8, severity: "error", rule: "schema/tal", message: "”lix” ska vara ett heltal, t.ex. 60, inte ”hög”. (check.lix)" },
    ]);
  });
});

describe("--watch and Ctrl-C", () => {
  it("ends with exit 0 when Ctrl-C comes while a round is still drafting", async () => {
    const folder = mkdtempSync(join(tmpdir(), "remiss-watch-stop-"));
    copyFileSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml"), join(folder, "arende.yaml"));
    const child = spawn(process.execPath, [BIN, "draft", "--watch", "arende.yaml"], { cwd: folder, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 25_000;
    while (!stderr.includes("Bevakar ändringar") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // A change, and Ctrl-C the moment the new round has begun.
    writeFileSync(join(folder, "arende.yaml"), readFileSync(join(folder, "arende.yaml"), "utf8").replace("Kim Lindqvist", "Kim Lind"));
    while (!stderr.includes("Ändring upptäckt") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const code = await exitAfterCtrlC(child);
    expect(code).toBe(0);
  }, 60_000);
});
