import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * `remiss lista` through the real CLI, over a folder with a case in each
 * state: aktuellt (drafted here), andrat and inaktuellt (fixtures/lista),
 * saknas, one with an error, one that cannot be read, one that the config
 * says to skip. Every run is made for a fixed day (--per).
 */
const PER = "2025-10-24";
let dir: string;

const lista = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const result = runCli(["lista", ...args], { cwd: dir, env });
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  return result;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-lista-"));
  cpSync(join(ROOT, "fixtures", "lista"), join(dir, "arenden"), { recursive: true });
  cpSync(join(ROOT, "fixtures", "sodermalm-ks-2025-804.yaml"), join(dir, "arenden", "sodermalm.yaml"));
  // aktuellt: drafted now, Markdown and Word.
  expect(runCli(["draft", "arenden/sodermalm.yaml"], { cwd: dir }).code).toBe(0);
  // Cannot be read: not text.
  writeFileSync(join(dir, "arenden", "trasig.yaml"), Buffer.from([0x00, 0xff, 0x00, 0x01, 0x02]));
  // Skipped by the config.
  mkdirSync(join(dir, "arenden", "arkiv"));
  cpSync(join(ROOT, "fixtures", "minimal.yaml"), join(dir, "arenden", "arkiv", "gammal.yaml"));
  writeFileSync(join(dir, "remiss.config.yaml"), "check:\n  ignorera: [arenden/arkiv/**]\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("remiss lista --format json", () => {
  it("has a row for each case, sorted by reply date, with the keys of the issue and each state of the draft", () => {
    const result = lista(["arenden", "--per", PER, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "1 fil hoppades över enligt check.ignorera i remiss.config.yaml.\narenden/trasig.yaml: Filen ser ut att vara binär, inte text. Ange YAML-filen som beskriver ärendet.\n",
    );
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        fil: "arenden/motion-cykelbanor.yaml",
        dnr: "FAR 2025/310",
        remiss_dnr: "KS 2025/655",
        titel: "Motion om säkrare cykelbanor längs Farstastråket",
        typ: "motion",
        remittent: "Kommunstyrelsen",
        svar_senast: "2025-10-20",
        dagar_kvar: -4,
        forsenad: true,
        utkast: "andrat",
        platshallare: 0,
        fel: 0,
        datum: "2024-11-12",
        beredas_senast: "2025-11-12",
      },
      {
        fil: "arenden/sodermalm.yaml",
        dnr: "SÖD 2025/1234",
        remiss_dnr: "KS 2025/804",
        titel: "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
        typ: "motion",
        remittent: "Kommunstyrelsen",
        svar_senast: "2025-10-28",
        dagar_kvar: 4,
        forsenad: false,
        utkast: "aktuellt",
        platshallare: 0,
        fel: 0,
      },
      {
        fil: "arenden/medborgarforslag-lekplats.yaml",
        remiss_dnr: "KS 2025/702",
        titel: "Medborgarförslag om en ny lekplats i Hökarängen",
        typ: "medborgarforslag",
        remittent: "Kommunstyrelsen",
        svar_senast: "2025-10-30",
        dagar_kvar: 6,
        forsenad: false,
        utkast: "saknas",
        platshallare: 1,
        fel: 0,
        datum: "2025-01-20",
        beredas_senast: "2026-01-20",
      },
      {
        fil: "arenden/program-kultur.yaml",
        dnr: "FAR 2025/402",
        remiss_dnr: "KUN 2025/88",
        titel: "Program för kulturen i ytterstaden 2026–2030",
        typ: "program",
        remittent: "Kulturnämnden",
        svar_senast: "2025-12-15",
        dagar_kvar: 52,
        forsenad: false,
        utkast: "inaktuellt",
        platshallare: 0,
        fel: 0,
      },
      // An invalid case: what could be read (its reply date is no date), and its error.
      { fil: "arenden/rapport-trygghet.yaml", remiss_dnr: "TN 2025/1204", titel: "Trygghetsvandringar i Farsta 2025", typ: "rapport", remittent: "Trafiknämnden", utkast: "saknas", platshallare: 0, fel: 1 },
      { fil: "arenden/trasig.yaml", utkast: "saknas", fel: 1 },
    ]);
  });

  it("follows the shipped JSON Schema, which is what `remiss schema --lista` prints", () => {
    const shipped = readFileSync(join(ROOT, "schema", "remiss.lista.schema.json"), "utf8");
    expect(runCli(["schema", "--lista"]).stdout).toBe(shipped);
    expect(runCli(["schema", "--lista", "--config"])).toMatchObject({ code: 2, stdout: "", stderr: "--config och --lista går inte att kombinera: välj ett av schemana.\n" });
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(shipped) as object);
    const rows = JSON.parse(lista(["arenden", "--per", PER, "--format", "json"]).stdout) as unknown;
    expect(validate(rows), JSON.stringify(validate.errors)).toBe(true);
    // The schema closes the rows: a key of another name would fail.
    expect(validate([{ fil: "a.yaml", utkast: "saknas", fel: 0, annat: 1 }])).toBe(false);
    expect(validate([{ fil: "a.yaml", utkast: "kanske", fel: 0 }])).toBe(false);
  });

  it("counts the days from --per", () => {
    const rows = JSON.parse(lista(["arenden/sodermalm.yaml", "--per", "2025-10-28", "--format", "json"]).stdout) as { dagar_kvar: number; forsenad: boolean }[];
    expect(rows[0]).toMatchObject({ dagar_kvar: 0, forsenad: false });
    const later = JSON.parse(lista(["arenden/sodermalm.yaml", "--per", "2025-11-02", "--format", "json"]).stdout) as { dagar_kvar: number; forsenad: boolean }[];
    expect(later[0]).toMatchObject({ dagar_kvar: -5, forsenad: true });
  });

  it("sees a Word draft edited by hand, and a case changed after it was drafted", () => {
    const own = mkdtempSync(join(tmpdir(), "remiss-lista-docx-"));
    cpSync(join(ROOT, "fixtures", "minimal.yaml"), join(own, "a.yaml"));
    expect(runCli(["draft", "a.yaml", "-f", "docx"], { cwd: own }).code).toBe(0);
    const state = () => (JSON.parse(runCli(["lista", "--per", PER, "-f", "json"], { cwd: own }).stdout) as { utkast: string }[])[0]!.utkast;
    expect(state()).toBe("aktuellt");
    writeFileSync(join(own, "a.yaml"), readFileSync(join(own, "a.yaml"), "utf8").replace("delar skribentens bild", "delar inte skribentens bild"));
    expect(state()).toBe("inaktuellt");
    rmSync(own, { recursive: true, force: true });
  });
});

describe("where the drafts are, and a config with errors", () => {
  it("finds drafts in the folder that -o names, as draft -o wrote them", () => {
    const own = mkdtempSync(join(tmpdir(), "remiss-lista-ut-"));
    cpSync(join(ROOT, "fixtures", "minimal.yaml"), join(own, "a.yaml"));
    expect(runCli(["draft", "a.yaml", "-o", "utkast"], { cwd: own }).code).toBe(0);
    const state = (args: string[]) => (JSON.parse(runCli(["lista", "a.yaml", "--per", PER, "-f", "json", ...args], { cwd: own }).stdout) as { utkast: string }[])[0]!.utkast;
    expect(state([])).toBe("saknas");
    expect(state(["-o", "utkast"])).toBe("aktuellt");
    rmSync(own, { recursive: true, force: true });
  });

  it("counts a config's errors with every case under it, which cannot be drafted", () => {
    const own = mkdtempSync(join(tmpdir(), "remiss-lista-config-"));
    cpSync(join(ROOT, "fixtures", "minimal.yaml"), join(own, "a.yaml"));
    cpSync(join(ROOT, "fixtures", "minimal.yaml"), join(own, "b.yaml"));
    expect(runCli(["draft", "b.yaml", "-f", "md"], { cwd: own }).code).toBe(0);
    writeFileSync(join(own, "remiss.config.yaml"), "husstil:\n  okand_nyckel: 1\n");
    const result = runCli(["lista", "--per", PER, "-f", "json"], { cwd: own });
    const rows = JSON.parse(result.stdout) as { fil: string; fel: number; utkast: string }[];
    expect(rows.map((r) => [r.fil, r.fel > 0, r.utkast])).toEqual([
      ["a.yaml", true, "saknas"],
      ["b.yaml", true, "inaktuellt"],
    ]);
    rmSync(own, { recursive: true, force: true });
  });
});

describe("remiss lista as a table", () => {
  it("marks late cases, cases due soon and the one-year limit, and says what to do", () => {
    const result = lista(["arenden", "--per", PER]);
    expect(result.code).toBe(2);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^Svar senast +Dagar kvar +Remittentens dnr +Dnr +Remittent +Titel +Utkast +Platshållare +Fel +Beredas senast +Fil$/u);
    expect(lines[1]).toMatch(/^2025-10-20 +-4 försenad +KS 2025\/655 .* ändrat .* 2025-11-12 snart +arenden\/motion-cykelbanor\.yaml$/u);
    expect(lines[2]).toMatch(/^2025-10-28 +4 snart .* aktuellt .* arenden\/sodermalm\.yaml$/u);
    expect(lines[2]).toContain("Motion angående stärkta insatser mot gä…");
    expect(lines[3]).toMatch(/ 6 snart .* saknas +1 +0 +2026-01-20 +arenden\/medborgarforslag-lekplats\.yaml$/u);
    expect(lines[4]).toMatch(/ 52 .* inaktuellt .* arenden\/program-kultur\.yaml$/u);
    expect(lines[5]).toMatch(/^– +– +TN 2025\/1204 .* saknas +0 +1 .* arenden\/rapport-trygghet\.yaml$/u);
    expect(lines[6]).toMatch(/\(kunde inte läsas\) +saknas +– +1 .* arenden\/trasig\.yaml$/u);
    expect(result.stdout).toContain(
      "\n\narenden/motion-cykelbanor.md har ändrats för hand: ta in ändringarna med remiss import arenden/motion-cykelbanor.md.\narenden/trasig.yaml: Filen ser ut att vara binär, inte text. Ange YAML-filen som beskriver ärendet.\n\n",
    );
    expect(result.stdout.endsWith("\n6 ärenden per 2025-10-24: 1 försenat, 2 med svar inom 7 dagar, 1 nära eller förbi ettårsgränsen för beredning.\n")).toBe(true);
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("has colour as check has it: FORCE_COLOR on, NO_COLOR and --no-color off", () => {
    const forced = lista(["arenden", "--per", PER], { FORCE_COLOR: "1", NO_COLOR: "" });
    expect(forced.stdout).toContain("\u001b[1m\u001b[31m-4 försenad\u001b[39m\u001b[22m");
    expect(forced.stdout).toContain("\u001b[32maktuellt\u001b[39m");
    expect(lista(["arenden", "--per", PER], { FORCE_COLOR: "0" }).stdout).not.toContain("\u001b[");
    expect(lista(["arenden", "--per", PER, "--no-color"], { FORCE_COLOR: "1", NO_COLOR: "" }).stdout).not.toContain("\u001b[");
    // Without colour the columns line up just the same.
    const plain = lista(["arenden", "--per", PER]).stdout;
    expect(forced.stdout.replace(/\u001b\[\d+m/gu, "")).toBe(plain);
  });

  it("lists a file that is no case as a row with what is wrong", () => {
    const result = lista(["arenden/program-kultur.md", "arenden/sodermalm.yaml", "--per", PER, "-f", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("arenden/program-kultur.md: Filen är inget ärende: lista läser ärenden (.yaml, .yml). Ange ärendets YAML-fil, eller en mapp.\n");
    expect((JSON.parse(result.stdout) as { fil: string; fel: number }[]).map((r) => [r.fil, r.fel])).toEqual([
      ["arenden/sodermalm.yaml", 0],
      ["arenden/program-kultur.md", 1],
    ]);
  });

  it("reads the current folder when given nothing, and says so when there is no case", () => {
    expect(lista(["--per", PER]).stdout).toContain("arenden/sodermalm.yaml");
    const empty = mkdtempSync(join(tmpdir(), "remiss-lista-tom-"));
    const result = runCli(["lista", "--per", PER], { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("Inga YAML-filer hittades i mappen ”.” (lista läser *.yaml och *.yml utom remiss.config.yaml, också i undermappar).\n");
    rmSync(empty, { recursive: true, force: true });
  });
});

describe("remiss lista --format csv", () => {
  it("is RFC 4180 with a BOM and ; between fields, parsed back to the rows", () => {
    const result = lista(["arenden", "--per", PER, "--format", "csv"]);
    expect(result.stdout.startsWith("\uFEFFFil;Dnr;Remittentens dnr;Titel;Typ;Remittent;Svar senast;Dagar kvar;Försenad;Utkast;Platshållare;Fel;Datum;Beredas senast\r\n")).toBe(true);
    expect(result.stdout.replace(/\r\n/gu, "")).not.toContain("\n");
    const records = parseCsv(result.stdout, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      Fil: "arenden/motion-cykelbanor.yaml",
      Dnr: "FAR 2025/310",
      "Remittentens dnr": "KS 2025/655",
      Titel: "Motion om säkrare cykelbanor längs Farstastråket",
      Typ: "motion",
      Remittent: "Kommunstyrelsen",
      "Svar senast": "2025-10-20",
      "Dagar kvar": "-4",
      Försenad: "ja",
      Utkast: "ändrat",
      Platshållare: "0",
      Fel: "0",
      Datum: "2024-11-12",
      "Beredas senast": "2025-11-12",
    });
    expect(records.map((r) => r.Utkast)).toEqual(["ändrat", "aktuellt", "saknas", "inaktuellt", "saknas", "saknas"]);
    expect(records[5]).toMatchObject({ Fil: "arenden/trasig.yaml", Fel: "1", Titel: "" });
  });

  it("takes --separator , and quotes what needs it", () => {
    const own = mkdtempSync(join(tmpdir(), "remiss-lista-csv-"));
    writeFileSync(
      join(own, "a.yaml"),
      readFileSync(join(ROOT, "fixtures", "minimal.yaml"), "utf8").replace("titel: Motion om fler fritidsgårdar", "titel: 'Motion om \"fritidsgårdar\", parker; och =bad'"),
    );
    const result = runCli(["lista", "--per", PER, "--format", "csv", "--separator", ","], { cwd: own });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(',"Motion om ""fritidsgårdar"", parker; och =bad",');
    const records = parseCsv(result.stdout, { bom: true, delimiter: ",", columns: true }) as Record<string, string>[];
    expect(records[0]!.Titel).toBe('Motion om "fritidsgårdar", parker; och =bad');
    expect(records[0]!["Dagar kvar"]).toBe("38");
    rmSync(own, { recursive: true, force: true });
  });
});

describe("remiss lista --format ics", () => {
  it("is an iCalendar file that a real parser reads: an all-day event per reply date and per one-year limit", () => {
    const result = lista(["arenden", "--per", PER, "--format", "ics"]);
    const text = result.stdout;
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/gu, "")).not.toContain("\n");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    // Four reply dates and two one-year limits; the invalid and the unreadable file have no date.
    expect(events).toHaveLength(6);
    const reply = events.find((e) => e.summary === "Svar: Motion om säkrare cykelbanor längs Farstastråket (KS 2025/655)")!;
    expect(reply.startDate.isDate).toBe(true);
    expect(reply.startDate.toString()).toBe("2025-10-20");
    expect(reply.endDate.toString()).toBe("2025-10-21");
    expect(reply.description).toContain("Fil: arenden/motion-cykelbanor.yaml\nUtkast: ändrat");
    const limit = events.find((e) => e.summary.startsWith("Beredas senast: Medborgarförslag om en ny lekplats"))!;
    expect(limit.startDate.toString()).toBe("2026-01-20");
    expect(limit.description).toBe("Ettårsgränsen för beredningen (kommunallagen 5 kap. 35 §), räknad från 2025-01-20.\nFil: arenden/medborgarforslag-lekplats.yaml\nUtkast: saknas");
    const sodermalm = events.find((e) => e.summary.includes("(KS 2025/804)"))!;
    // A long summary, folded in the file, is whole again once parsed.
    expect(sodermalm.summary).toBe("Svar: Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga (KS 2025/804)");
    const stamp = calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toString()).toBe("2025-10-24T00:00:00Z");
    expect(new Set(events.map((e) => e.uid)).size).toBe(6);
  });

  it("is the same, byte for byte, from run to run, and keeps a case's UID when other cases change", () => {
    const first = lista(["arenden", "--per", PER, "--format", "ics"]).stdout;
    expect(lista(["arenden", "--per", PER, "--format", "ics"]).stdout).toBe(first);
    const uidOf = (text: string, summary: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)).find((e) => e.summary.includes(summary))!.uid;
    const alone = lista(["arenden/program-kultur.yaml", "--per", "2025-11-01", "--format", "ics"]).stdout;
    expect(uidOf(alone, "Program för kulturen")).toBe(uidOf(first, "Program för kulturen"));
  });
});

describe("bad flags are exit 2 with a Swedish message", () => {
  it.each([
    [["--per", "2026-13-01"], "--per ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. --per 2026-03-01), inte ”2026-13-01”.\n"],
    [["--per", "i morgon"], "--per ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. --per 2026-03-01), inte ”i morgon”.\n"],
    [["--format", "xlsx"], "Okänt format ”xlsx” för --format. Välj tabell, json, csv eller ics.\n"],
    [["--format", "csv", "--separator", "|"], "--separator ska vara ; (standard, som svenska Excel vill ha) eller ett kommatecken (--separator ,), inte ”|”.\n"],
    [["--separator", ","], "--separator gäller bara --format csv.\n"],
    [["--perr", "2025-10-24"], "remiss: okänd flagga --perr. Menade du ”--per”?\nSe remiss lista --help.\n"],
    [["--per"], "remiss: flaggan --per <datum> behöver ett värde.\nSe remiss lista --help.\n"],
    [["-"], "lista läser ärendena ur filer och mappar, inte från standard in. Ange en mapp, t.ex. remiss lista arenden/.\n"],
  ])("%j", (args, message) => {
    const result = lista(["arenden", ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(message);
  });
});

describe("the README's example", () => {
  it("is what the command prints on the repo's fixtures", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Överblick: remiss lista"));
    const example = /```sh\n\$ (npx remiss lista [^\n]+)\n([\s\S]*?)```/u.exec(section);
    expect(example, "an example in the section").not.toBeNull();
    const args = example![1]!.replace(/^npx remiss /u, "").split(" ");
    const result = runCli(args);
    expect(result.stdout).toBe(example![2]);
  });
});
