import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatBytes, formatCount, LIMITS } from "../../src/model/limits.js";
import { BIN, ROOT, checkJson, hasStackTrace, runCli } from "../support/cli.js";

/**
 * Issue 16, "Hostile text and big inputs": each case the issue found, run
 * through the real CLI. Inputs are built here from the minimal fixture (a
 * hostile input is mostly its size or its shape). The "scale" group drafts
 * and checks the largest inputs the limits allow, with a capped heap, as a
 * guard against hangs and memory growth; timing is for `npm run bench`.
 */
const MINIMAL = readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8");
const SYNPUNKTER = "synpunkter: |\n  Förvaltningen delar skribentens bild.\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-hostile-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The minimal case with its synpunkter replaced by a Markdown text (indented as a block). */
function withSynpunkter(markdown: string): string {
  return MINIMAL.replace(SYNPUNKTER, `synpunkter: |\n${markdown.split("\n").map((line) => (line ? `  ${line}` : "")).join("\n")}\n`);
}

function draftErrors(file: string): { code: number | null; lines: string[] } {
  const result = runCli(["draft", file], { cwd: dir });
  expect(hasStackTrace(result.stderr)).toBe(false);
  return { code: result.code, lines: result.stderr.split("\n").filter((line) => line.includes(": fel: ")) };
}

describe("time linear in the input", () => {
  it("reports 40,000 unknown keys as 100 and a line for the rest, in draft and check", () => {
    writeFileSync(join(dir, "nycklar.yaml"), MINIMAL + Array.from({ length: 40_000 }, (_, i) => `okand${i}: x\n`).join(""));
    const draft = draftErrors("nycklar.yaml");
    expect(draft.code).toBe(1);
    expect(draft.lines).toHaveLength(101);
    expect(draft.lines[100]).toBe("nycklar.yaml:128:1: fel: … och 39 900 till av samma slag (schema/okand-nyckel) i filen. Rätta de första och kör igen.");
    const check = checkJson(["nycklar.yaml"], dir);
    expect(check.findings).toHaveLength(101);
    expect(check.findings[100]!.message).toBe("… och 39 900 till av samma slag (schema/okand-nyckel) i filen. Rätta de första och kör igen.");
  });

  it("refuses the Markdown shapes the parser handles in more than linear time, at their line", () => {
    const shapes: [string, string, string][] = [
      ["klamrar.yaml", `${"[".repeat(90_000)}a${"]".repeat(90_000)}`, "markdown/hakparenteser"],
      ["lankar.yaml", "[a](".repeat(30_000), "markdown/hakparenteser"],
      ["streck.yaml", `${"- ".repeat(10_000)}x`, "markdown/djup"],
      ["indrag.yaml", Array.from({ length: 400 }, (_, i) => `${" ".repeat(2 * i)}- x`).join("\n"), "markdown/djup"],
    ];
    for (const [file, markdown] of shapes) writeFileSync(join(dir, file), withSynpunkter(`Förvaltningen delar skribentens bild.\n\n${markdown}`));
    const check = checkJson(shapes.map(([file]) => file), dir);
    expect(check.findings.filter((f) => f.severity === "error").map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(
      shapes.map(([file, , rule]) => `${file}:${file === "indrag.yaml" ? 38 : 22} ${rule}`).sort(),
    );
    for (const [file, , rule] of shapes) expect(draftErrors(file).lines.join("\n")).toContain(rule === "markdown/djup" ? "nivåer inuti varandra" : "hakparenteser");
    // The same shape in a Markdown draft for check.
    writeFileSync(join(dir, "utkast.md"), `# Titel\n\n${"[".repeat(100_000)}a${"]".repeat(100_000)}\n`);
    expect(checkJson(["utkast.md"], dir).findings).toEqual([expect.objectContaining({ line: 3, rule: "markdown/hakparenteser" })]);
  });
});

describe("limits instead of memory", () => {
  it("refuses more list items than allowed, in Markdown and in YAML", () => {
    writeFileSync(join(dir, "punkter.yaml"), withSynpunkter(Array.from({ length: LIMITS.markdownListItems + 1 }, (_, i) => `- punkt ${i}`).join("\n")));
    expect(draftErrors("punkter.yaml").lines).toEqual([
      `punkter.yaml:${20 + LIMITS.markdownListItems}:3: fel: Texten har fler än ${formatCount(LIMITS.markdownListItems)} listpunkter, vilket ingen text i ett tjänsteutlåtande behöver. Lägg långa förteckningar i en bilaga. (synpunkter)`,
    ]);
    const yrkanden = Array.from({ length: LIMITS.yamlListItems + 1 }, (_, i) => `    - Att göra ${i}.\n`).join("");
    writeFileSync(join(dir, "yrkanden.yaml"), MINIMAL.replace("  yrkanden:\n    - Att öppna fler fritidsgårdar.\n", `  yrkanden:\n${yrkanden}`));
    expect(draftErrors("yrkanden.yaml").lines).toEqual([
      `yrkanden.yaml:${16 + LIMITS.yamlListItems}:7: fel: Listan har ${formatCount(LIMITS.yamlListItems + 1)} punkter; en lista i ett ärende får ha högst ${formatCount(LIMITS.yamlListItems)}.`,
    ]);
  });

  it("refuses a text longer than allowed, and a file larger than allowed", () => {
    const long = "Förvaltningen delar bilden. ".repeat(Math.ceil((LIMITS.fieldChars + 1) / 28));
    writeFileSync(join(dir, "falt.yaml"), withSynpunkter(long));
    expect(draftErrors("falt.yaml").lines).toEqual([
      `falt.yaml:19:13: fel: Texten har ${formatCount(long.length + 1)} tecken; en text i ett ärende får ha högst ${formatCount(LIMITS.fieldChars)}. Lägg långa underlag i en bilaga.`,
    ]);
    writeFileSync(join(dir, "prosa.yaml"), withSynpunkter(`${"Förvaltningen delar bilden av läget i stadsdelen. ".repeat(40)}\n\n`.repeat(700)));
    const result = runCli(["draft", "prosa.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^prosa\.yaml: filen är [\d,]+ MB, men ett ärende får vara högst 1 MB\./u);
  });

  it("counts what aliases expand to, not only how many there are", () => {
    const text = "Förvaltningen delar bilden. ".repeat(3000);
    writeFileSync(join(dir, "alias.yaml"), `${MINIMAL.replace(SYNPUNKTER, `synpunkter: &t |\n  ${text}\n`)}bilagor: [${Array(90).fill("*t").join(", ")}]\n`);
    const { lines } = draftErrors("alias.yaml");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^alias\.yaml:\d+:11: fel: Med sina alias \(\*namn\) utskrivna blir filens text [\d ]+ tecken, mer än de 2 000 000 ett ärende får ha\./u);
    const check = checkJson(["alias.yaml"], dir);
    expect(check.findings.map((f) => f.rule)).toEqual(["yaml/alias"]);
  });

  it("refuses a DOCX of ten million empty paragraphs by its inflated size, at once", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    runCli(["draft", "arende.yaml", "--format", "docx"], { cwd: dir });
    const parts = unzipSync(readFileSync(join(dir, "arende.docx")));
    parts["word/document.xml"] = strToU8(`<w:document xmlns:w="w"><w:body>${"<w:p/>".repeat(10_000_000)}</w:body></w:document>`);
    writeFileSync(join(dir, "tomma.docx"), zipSync(parts, { level: 9 }));
    expect(checkJson(["tomma.docx"], dir).findings.map((f) => f.message)).toEqual([
      `Word-dokumentets del word/document.xml är ${formatBytes(60_000_047)} uppackad; remiss läser högst ${formatBytes(LIMITS.docxPartBytes)} per del, långt mer än ett tjänsteutlåtande behöver.`,
    ]);
  });

  it("reports a broken styles.xml as styles.xml", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    runCli(["draft", "arende.yaml", "--format", "docx"], { cwd: dir });
    const parts = unzipSync(readFileSync(join(dir, "arende.docx")));
    parts["word/styles.xml"] = strToU8("<w:styles><w:style>");
    writeFileSync(join(dir, "stilar.docx"), zipSync(parts));
    expect(checkJson(["stilar.docx"], dir).findings.map((f) => f.message)).toEqual([
      "Word-dokumentets formatmallar (word/styles.xml) går inte att läsa. Öppna den i Word och spara den på nytt som Word-dokument (.docx).",
    ]);
  });
});

describe("dangerous content never reaches the document", () => {
  it("refuses links that are not to the web or e-mail, also as reference definitions, each at its line", () => {
    writeFileSync(
      join(dir, "lankar.yaml"),
      withSynpunkter(
        [
          "Se [a](javascript:alert(1)) och [b](file:///C:/Windows/system32/calc.exe).",
          "",
          "Läs [Sammanfattning].",
          "",
          "[sammanfattning]: file:///etc/passwd",
          "",
          "Men [stadens sida](https://start.stockholm/) och [kansliet](mailto:kansli@stockholm.se) går bra, och [bilagan](bilaga.pdf) blir text.",
        ].join("\n"),
      ),
    );
    const { code, lines } = draftErrors("lankar.yaml");
    expect(code).toBe(1);
    expect(lines.map((l) => l.replace(/ Länka till.*$/u, ""))).toEqual([
      "lankar.yaml:20:6: fel: Länken går till ”javascript:”, som inte får stå i ett dokument (den kan starta ett program eller öppna en fil hos läsaren).",
      "lankar.yaml:20:35: fel: Länken går till ”file:”, som inte får stå i ett dokument (den kan starta ett program eller öppna en fil hos läsaren).",
      "lankar.yaml:24:3: fel: Länken går till ”file:”, som inte får stå i ett dokument (den kan starta ett program eller öppna en fil hos läsaren).",
    ]);
    expect(readdirSync(dir)).toEqual(["lankar.yaml"]);
    // Without the dangerous ones, the safe links are hyperlinks and the relative one is text.
    writeFileSync(join(dir, "lankar.yaml"), withSynpunkter("Men [stadens sida](https://start.stockholm/) och [kansliet](mailto:kansli@stockholm.se) går bra, och [bilagan](bilaga.pdf) blir text."));
    expect(runCli(["draft", "lankar.yaml"], { cwd: dir }).code).toBe(0);
    const rels = new TextDecoder().decode(unzipSync(readFileSync(join(dir, "lankar.docx")))["word/_rels/document.xml.rels"]);
    const targets = [...rels.matchAll(/Target="([^"]+)" TargetMode="External"/gu)].map((m) => m[1]);
    expect(targets.sort()).toEqual(["https://start.stockholm/", "mailto:kansli@stockholm.se"]);
  });

  it("refuses raw HTML, a script or a heading in HTML alike", () => {
    writeFileSync(join(dir, "html.yaml"), withSynpunkter(["<script>alert(1)</script>", "", "<iframe src=x></iframe>", "", '<img src=x onerror="alert(1)">', "", "<h2>Rubrik</h2>"].join("\n")));
    const { lines } = draftErrors("html.yaml");
    expect(lines.map((l) => l.split(": fel: ")[0])).toEqual(["html.yaml:20:3", "html.yaml:22:3", "html.yaml:24:3", "html.yaml:26:3"]);
    expect(lines.every((l) => l.includes("HTML-kod kan inte stå i texten"))).toBe(true);
  });
});

describe("nothing reaches a terminal or a CI log raw", () => {
  it("shows escape sequences in a key escaped, in draft and in every check format", () => {
    writeFileSync(join(dir, "esc.yaml"), `${MINIMAL}"\u001b]0;hackad\u0007\u001b[2J": x\n`);
    const draft = runCli(["draft", "esc.yaml"], { cwd: dir });
    expect(draft.stderr).toContain("Okänd nyckel ”\\u001b]0;hackad\\u0007\\u001b[2J”.");
    expect(draft.stderr).not.toMatch(/[\u0007\u001b]/u);
    for (const format of ["stylish", "github"]) {
      const check = runCli(["check", "esc.yaml", "--format", format], { cwd: dir, env: { FORCE_COLOR: "0" } });
      expect(check.stdout).toContain("\\u001b]0;hackad\\u0007\\u001b[2J");
      expect(check.stdout).not.toMatch(/[\u0007\u001b]/u);
    }
  });

  it("never lets a file name start a line that GitHub Actions reads as a command", () => {
    const name = "x\n::error file=fake.yaml,line=1::hej.yaml";
    writeFileSync(join(dir, name), MINIMAL.replace("svar_senast: 2025-12-01", "svar_senast: 2025-12-41"));
    for (const args of [["draft", name], ["draft", "."], ["check", name], ["check", "--format", "github", "."]]) {
      const result = runCli(args, { cwd: dir });
      for (const line of `${result.stdout}${result.stderr}`.split("\n")) expect(line.startsWith("::error file=fake")).toBe(false);
      expect(`${result.stdout}${result.stderr}`).toContain(args.includes("github") ? "x\\n%3A%3Aerror file=fake.yaml" : "x\\n::error file=fake.yaml");
    }
  });
});

describe("file-system problems in Swedish, with the user's path", () => {
  it("in init, templates export and --templates", () => {
    writeFileSync(join(dir, "fil"), "en fil");
    const init = runCli(["init", "fil/arende.yaml"], { cwd: dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toBe("fil/arende.yaml: kunde inte skrivas, eftersom en del av sökvägen är en fil, inte en mapp. Ingen fil skrevs över.\n");
    const templates = runCli(["templates", "export", "fil/mallar"], { cwd: dir });
    expect(templates.code).toBe(2);
    expect(templates.stderr).toMatch(/^fil\/mallar\/[\w/.-]+: kunde inte skrivas, eftersom en del av sökvägen är en fil, inte en mapp\. Ingen fil skrevs över\.\n$/u);
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    const own = runCli(["draft", "arende.yaml", "--templates", "fil"], { cwd: dir });
    expect(own.code).toBe(2);
    expect(own.stderr).toBe(`${join(dir, "fil")}: mallarna går inte att läsa (en del av sökvägen är en fil, inte en mapp). Kontrollera ”templates” i remiss.config.yaml eller --templates.\n`);
    for (const result of [init, templates, own]) expect(result.stderr).not.toMatch(/oväntat|Rapportera|\.tmp|E[A-Z]{3,}/u);
  });

  it("removes its temporary files when stopped with SIGTERM, and exits 143", async () => {
    mkdirSync(join(dir, "arenden"));
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, "arenden", `fall${i}.yaml`), MINIMAL);
    const child = spawn(process.execPath, [BIN, "draft", "arenden"], { cwd: dir });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setInterval(() => {
        if (stdout.includes("Skrev")) {
          clearInterval(timer);
          child.kill("SIGTERM");
        }
      }, 5);
      child.on("close", (exitCode) => {
        clearInterval(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(143);
    expect(readdirSync(join(dir, "arenden")).filter((name) => name.startsWith(".remiss-"))).toEqual([]);
  });
});

describe("the remaining English messages", () => {
  it("says in Swedish that a key is not text, without Node's warning", () => {
    writeFileSync(join(dir, "nyckel.yaml"), `${MINIMAL}? [a, b]\n: x\n`);
    const result = runCli(["draft", "nyckel.yaml"], { cwd: dir });
    expect(result.stderr).toContain("nyckel.yaml:28:3: fel: En nyckel ska vara en text; här är den en lista, en grupp eller ett alias (*namn).");
    expect(result.stderr).not.toMatch(/stringified|Warning/u);
  });

  it("says in Swedish what is wrong in a template, at the line where it is", () => {
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    mkdirSync(join(dir, "mallar", "sektioner"), { recursive: true });
    const template = `${"Rad.\n".repeat(48)}{{okand_hjalp titel}}\n`;
    writeFileSync(join(dir, "mallar", "sektioner", "bakgrund.md.hbs"), template);
    const helper = runCli(["draft", "arende.yaml", "--templates", "mallar"], { cwd: dir });
    expect(helper.stderr).toBe(
      `${join(dir, "mallar", "sektioner", "bakgrund.md.hbs")}:49: fel i mallen: hjälpfunktionen ”okand_hjalp” finns inte. Mallarna kan använda if, unless, each, with och rader.\n`,
    );
    writeFileSync(join(dir, "mallar", "sektioner", "bakgrund.md.hbs"), "Rad.\n{{#if titel}}\nText.\n{{/each}}\n");
    const block = runCli(["draft", "arende.yaml", "--templates", "mallar"], { cwd: dir });
    expect(block.stderr).toMatch(/bakgrund\.md\.hbs:\d+: fel i mallen: blocket \{\{#if\}\} avslutas med \{\{\/each\}\}\. Avsluta det med \{\{\/if\}\}\.\n$/u);
  });
});

describe("scale: the largest allowed inputs, with a capped heap", () => {
  /** The real CLI with at most `heapMb` of V8 heap. */
  function capped(args: readonly string[], heapMb: number) {
    const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
    return { code: result.status, stderr: result.stderr, timedOut: result.error !== undefined };
  }

  it("drafts and checks a case just under 1 MB of prose", () => {
    const paragraph = `${"Förvaltningen delar bilden av läget i stadsdelen och föreslår fler insatser. ".repeat(20)}\n\n`;
    let text = "";
    while (withSynpunkter(text + paragraph).length * 1.05 < LIMITS.caseBytes && text.length + paragraph.length < LIMITS.fieldChars) text += paragraph;
    // Several fields, each just under the field limit, to come near the file limit.
    let yaml = withSynpunkter(text);
    yaml = yaml.replace("sammanfattning: |\n  Förvaltningen ser positivt på förslaget.\n", `sammanfattning: |\n${text.split("\n").map((l) => (l ? `  ${l}` : "")).join("\n")}\n`);
    yaml = yaml.replace("barnrattsanalys: |\n  Barn och unga gynnas av fler mötesplatser.\n", `barnrattsanalys: |\n${text.split("\n").map((l) => (l ? `  ${l}` : "")).join("\n")}\n`);
    writeFileSync(join(dir, "stort.yaml"), yaml);
    expect(Buffer.byteLength(yaml)).toBeLessThanOrEqual(LIMITS.caseBytes);
    expect(Buffer.byteLength(yaml)).toBeGreaterThan(LIMITS.caseBytes / 2);
    const draft = capped(["draft", "stort.yaml"], 512);
    expect(draft).toMatchObject({ code: 0, timedOut: false });
    expect(existsSync(join(dir, "stort.docx"))).toBe(true);
    const check = capped(["check", "stort.yaml", "stort.md", "stort.docx"], 512);
    expect(check.timedOut).toBe(false);
    expect(hasStackTrace(check.stderr)).toBe(false);
  }, 180_000);

  it("checks a Markdown draft at the Markdown limits, and a DOCX at the paragraph limit", () => {
    const hostile = `${"[".repeat(LIMITS.markdownBrackets - 1)}a${"]".repeat(LIMITS.markdownBrackets - 1)}\n\n`;
    let markdown = "# Titel\n\n";
    for (let i = 0; i < Math.floor(LIMITS.markdownBracketsTotal / LIMITS.markdownBrackets); i++) markdown += hostile;
    const prose = `${"Förvaltningen delar bilden av läget i stadsdelen. ".repeat(30)}\n\n`;
    while (Buffer.byteLength(markdown) + Buffer.byteLength(prose) < LIMITS.markdownBytes) markdown += prose;
    writeFileSync(join(dir, "gransen.md"), markdown);
    writeFileSync(join(dir, "arende.yaml"), MINIMAL);
    runCli(["draft", "arende.yaml", "--format", "docx"], { cwd: dir });
    const parts = unzipSync(readFileSync(join(dir, "arende.docx")));
    parts["word/document.xml"] = strToU8(`<w:document xmlns:w="w"><w:body>${'<w:p><w:r><w:t>Text.</w:t></w:r></w:p>'.repeat(LIMITS.docxParagraphs)}</w:body></w:document>`);
    writeFileSync(join(dir, "stycken.docx"), zipSync(parts));
    const check = capped(["check", "--format", "json", "gransen.md", "stycken.docx"], 512);
    expect(check.timedOut).toBe(false);
    expect(hasStackTrace(check.stderr)).toBe(false);
    expect(check.code).not.toBe(2);
  }, 180_000);
});
