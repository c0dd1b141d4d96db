import { Command, CommanderError, Help, type Argument, type Option } from "commander";
import { EXIT_OK, EXIT_USAGE, RemissError, unexpectedDetail, type ExitCode } from "./errors.js";
import { processIo, type CommandIo } from "./commands/io.js";
import { printable } from "./report/printable.js";
import { packageVersion } from "./paths.js";
import { joinSwedish } from "./view/lists.js";
import { isMainThread, workerData } from "node:worker_threads";

// A worker thread that `check` or `draft` started runs the bundle itself: the module that started it serves it once imported.
if (!isMainThread) {
  const tag = (workerData as { tag?: unknown } | null)?.tag;
  if (tag === "remiss:check-files") void import("./check/check-files.js");
  else if (tag === "remiss:draft") void import("./commands/draft-case.js");
}

/**
 * Wiring only: arguments → options → one command module, imported when that
 * command runs. Returns the exit code; only `bin/remiss.js` sets it.
 */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT_OK;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  // `remiss help okänt`: commander would show the general help and end well.
  if (argv[2] === "help" && argv[3] !== undefined && !argv[3].startsWith("-") && !program.commands.some((c) => c.name() === argv[3])) {
    const { suggest } = await import("./load/validate.js");
    io.stderr(`remiss: ${unknownCommand(program, argv[3], suggest(argv[3], commandNames(program)))}\nSe remiss --help.\n`);
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return handleError(error, io, argv[2] === "help", commandOf(program, argv.slice(2)));
  }
}

/** The (sub)command that the arguments name, as far as they name one: `templates` for `templates import x`. */
function commandOf(program: Command, args: readonly string[]): Command {
  let command = program;
  for (const arg of args) {
    if (arg.startsWith("-")) continue;
    const sub = command.commands.find((c) => c.name() === arg);
    if (!sub) break;
    command = sub;
  }
  return command;
}

/** Says that a command is unknown, with commander's closest match, and what there is instead. */
function unknownCommand(parent: Command, name: string, suggestion: string | undefined): string {
  const names = commandNames(parent);
  const hint = suggestion ? ` Menade du ”${suggestion}”?` : "";
  if (parent.parent) {
    const can = parent.commands.filter((c) => c.name() !== "help").map((c) => `${c.name()}: ${c.description()}`);
    return `okänt kommando ${name} för ${parent.name()}.${hint} ${parent.name()} har ${joinSwedish(can)}.`;
  }
  return `okänt kommando ${name}.${hint} Kommandona är ${joinSwedish(names)}.`;
}

function commandNames(parent: Command): string[] {
  return parent.commands.map((c) => c.name()).filter((n) => n !== "help");
}

/** Columns of the help text (scripts/build.mjs writes `remiss --help` at this width). */
const HELP_WIDTH = 80;

const TITLES: Record<string, string> = {
  "Usage:": "Användning:",
  "Options:": "Flaggor:",
  "Commands:": "Kommandon:",
  "Arguments:": "Argument:",
  "Global Options:": "Globala flaggor:",
};

class SwedishHelp extends Help {
  override styleTitle(title: string): string {
    return TITLES[title] ?? title;
  }

  override subcommandTerm(command: Command): string {
    return super.subcommandTerm(command).replace("[options]", "[flaggor]");
  }

  override commandUsage(command: Command): string {
    return super.commandUsage(command).replace("[options]", "[flaggor]");
  }

  override optionDescription(option: Option): string {
    return super.optionDescription(option).replace("(default: ", "(standard: ").replace("(choices: ", "(val: ");
  }

  override argumentDescription(argument: Argument): string {
    return super.argumentDescription(argument).replace("(default: ", "(standard: ").replace("(choices: ", "(val: ");
  }
}

class SwedishCommand extends Command {
  override createCommand(name?: string): Command {
    return new SwedishCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new SwedishHelp(), this.configureHelp());
  }
}

function createProgram(io: CommandIo, setExitCode: (code: ExitCode) => void): Command {
  const program = new SwedishCommand();
  program
    .name("remiss")
    .description("Skriv tjänsteutlåtanden över remisser: från en YAML-fil till Markdown och DOCX.")
    .usage("[flaggor] <kommando>")
    .version(version(), "-V, --version", "visa versionsnumret")
    .helpOption("-h, --help", "visa den här hjälpen")
    .helpCommand("help [kommando]", "visa hjälp för ett kommando")
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
      // The same layout at any terminal width, so that bin/remiss.js can print `remiss --help` without loading the bundle.
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
    })
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText(
      "after",
      [
        "",
        "Exempel:",
        "  remiss init arende.yaml                  skriver en startfil för ett nytt ärende",
        "  remiss draft arende.yaml                 skriver arende.md och arende.docx bredvid filen",
        "  remiss check arenden/                    granskar alla ärenden och utkast i mappen",
        "  remiss lista arenden/                    ärendena med sista svarsdag och vad som återstår",
        "  cat arende.yaml | remiss draft -         läser ärendet från standard in, skriver Markdown",
        "  remiss help draft                        flaggorna och exemplen för ett kommando",
      ].join("\n"),
    );

  program
    .command("draft")
    .description("skriv tjänsteutlåtandet som Markdown och DOCX från en eller flera YAML-filer")
    .argument("<fil...>", "YAML-filer som beskriver ärendena, eller mappar med sådana; - läser ärendet från standard in")
    .usage("[flaggor] <fil...>")
    .option("-o, --out-dir <mapp>", "skriv filerna i den här mappen i stället för bredvid YAML-filen")
    .option("-f, --format <format>", "vilka format som skrivs: md, docx, pdf (med LibreOffice) eller flera, t.ex. md,docx,pdf", "md,docx")
    .option("--templates <mapp>", "egna mallar; filer där ersätter de inbyggda med samma namn")
    .option("--stdout", "skriv Markdown till standard ut i stället för till filer")
    .option("--watch", "skriv om utkasten när YAML-filen, remiss.config.yaml eller en mall ändras")
    .option("--strict", "avsluta med kod 1 om platshållare som [Fyll i …] står kvar i ett utkast")
    .option("--force", "skriv över utkast som ändrats för hand")
    .option("--check", "skriv inget; avsluta med kod 1 om ett utkast saknas, ändrats för hand eller inte är vad YAML-filen ger i dag")
    .helpOption("-h, --help", "visa hjälp för draft")
    .addHelpText(
      "after",
      [
        "",
        "Exempel:",
        "  remiss draft arende.yaml                 skriver arende.md och arende.docx bredvid filen",
        "  remiss draft arenden/ -o utkast          alla YAML-filer i mappen, utkasten i mappen utkast",
        "  remiss draft arende.yaml --format md     bara Markdown",
        "  remiss draft arende.yaml --format md,docx,pdf   också en tillgänglig PDF att publicera",
        "  remiss draft arende.yaml --watch         skriver om vid varje ändring",
        "  remiss draft arende.yaml --stdout        visar Markdown utan att skriva något",
        "  remiss draft arenden/ --check            i CI: stämmer de incheckade utkasten med ärendena?",
        "  cat arende.yaml | remiss draft -         läser ärendet från standard in, skriver Markdown till standard ut",
      ].join("\n"),
    )
    .action(async (files: string[], options: import("./commands/draft.js").DraftOptions, command: Command) => {
      const { runDraft } = await import("./commands/draft.js");
      // --format as the user gave it: --stdout refuses a DOCX asked for, not the default.
      const { format, ...rest } = options;
      setExitCode(await runDraft(files, command.getOptionValueSource("format") === "default" ? rest : { ...rest, ...(format === undefined ? {} : { format }) }, io));
    });

  program
    .command("check")
    .description("granska ärenden (YAML), utkast (Markdown) och dokument (DOCX) innan de skickas")
    .argument("<fil...>", "filer eller mappar att granska (.yaml, .yml, .md, .docx); - läser ett ärende från standard in")
    .usage("[flaggor] <fil...>")
    .option("-f, --format <format>", "hur fynden skrivs ut: stylish, json eller github", "stylish")
    .option("--max-warnings <antal>", "misslyckas om varningarna är fler än så här många")
    .option("--quiet", "visa bara fel, inte varningar")
    .option("--no-color", "inga färger i utskriften (också med miljövariabeln NO_COLOR)")
    .helpOption("-h, --help", "visa hjälp för check")
    .addHelpText(
      "after",
      [
        "",
        "Exempel:",
        "  remiss check arende.yaml                 granska ett ärende",
        "  remiss check arenden/ --format github    i GitHub Actions: fynden visas på raderna",
        "  remiss check utkast.md --max-warnings 0  misslyckas även på varningar",
        "  cat arende.yaml | remiss check -         granskar ett ärende från standard in",
      ].join("\n"),
    )
    .action(async (files: string[], options: { format?: string; maxWarnings?: string; quiet?: boolean; color?: boolean }) => {
      const { runCheck } = await import("./commands/check.js");
      setExitCode(await runCheck(files, options, io));
    });

  program
    .command("lista")
    .description("lista ärendena: sista svarsdag, dagar kvar, utkastets läge, platshållare och fel")
    .argument("[mapp-eller-fil...]", "mappar med ärenden (YAML) eller enskilda ärenden (standard: mappen du står i)")
    .usage("[flaggor] [mapp-eller-fil...]")
    .option("--per <datum>", "dagen som listan gäller, ÅÅÅÅ-MM-DD (standard: i dag)")
    .option("-f, --format <format>", "tabell, json, csv eller ics (kalender)", "tabell")
    .option("--separator <tecken>", "för csv: semikolon (standard, som svenska Excel vill ha) eller komma, --separator ,")
    .option("-o, --out-dir <mapp>", "utkasten ligger i den här mappen, som draft -o skrev dem, i stället för bredvid ärendena")
    .option("--no-color", "inga färger i utskriften (också med miljövariabeln NO_COLOR)")
    .helpOption("-h, --help", "visa hjälp för lista")
    .addHelpText(
      "after",
      [
        "",
        "Ett ärende vars svarsdag har passerat märks ”försenad”, ett med svar inom 7",
        "dagar ”snart”. För en motion eller ett medborgarförslag med remissobjekt.datum",
        "visas också ettårsgränsen för beredningen (beredas senast).",
        "",
        "Exempel:",
        "  remiss lista                             alla ärenden i mappen du står i",
        "  remiss lista arenden/ --per 2026-03-01   som listan såg ut den dagen",
        "  remiss lista arenden/ --format csv > remisser.csv    att öppna i Excel",
        "  remiss lista arenden/ --format ics > remisser.ics    en kalender att prenumerera på",
        "  remiss lista arenden/ --format json      för andra program",
      ].join("\n"),
    )
    .action(async (paths: string[], options: import("./commands/lista.js").ListaOptions) => {
      const { runLista } = await import("./commands/lista.js");
      setExitCode(await runLista(paths, options, io));
    });

  program
    .command("import")
    .description("ta in ändringar från ett granskat utkast (DOCX från Word eller LibreOffice, eller Markdown) i ärendets YAML-fil")
    .argument("<utkast>", "utkastet som granskats (.docx eller .md)")
    .usage("[flaggor] <utkast>")
    .option("--arende <fil>", "ärendets YAML-fil (standard: filen med samma namn bredvid utkastet)")
    .option("--godkann", "ta in utkastet som om alla spårade ändringar vore godkända")
    .option("--avvisa", "ta in utkastet som om alla spårade ändringar vore avvisade")
    .option("--dry-run", "visa ändringen av YAML-filen som en diff, men skriv inget")
    .option("-f, --format <format>", "hur fynden skrivs ut: stylish, json eller github", "stylish")
    .option("--no-color", "inga färger i utskriften (också med miljövariabeln NO_COLOR)")
    .helpOption("-h, --help", "visa hjälp för import")
    .addHelpText(
      "after",
      [
        "",
        "Exempel:",
        "  remiss import arende.docx               ta in granskarens ändringar i arende.yaml",
        "  remiss import arende.docx --godkann     med spårade ändringar: som om alla vore godkända",
        "  remiss import arende.docx --dry-run     visa vad som skulle ändras",
      ].join("\n"),
    )
    .action(async (draft: string, options: import("./commands/import.js").ImportOptions) => {
      const { runImport } = await import("./commands/import.js");
      setExitCode(await runImport(draft, options, io));
    });

  program
    .command("diff")
    .description("visa en ny version av ett ärende som spårade ändringar i Word, mot en äldre version")
    .argument("<fil...>", "den gamla och den nya versionen av ärendet (YAML), eller med --mot bara ärendet")
    .usage("[flaggor] <gammal.yaml> <ny.yaml>\n       remiss diff [flaggor] <arende.yaml> --mot <revision>")
    .option("-o, --out <fil>", "skriv dokumentet hit i stället för NAMN.andringar.docx bredvid den nya versionen")
    .option("--mot <revision>", "jämför med ärendets version i git, t.ex. main, HEAD~1 eller en commit")
    .option("--forfattare <namn>", "vem ändringarna står på i Word (standard: diff.forfattare i remiss.config.yaml, annars förvaltningen)")
    .helpOption("-h, --help", "visa hjälp för diff")
    .addHelpText(
      "after",
      [
        "",
        "Dokumentet är den nya versionens utkast, med det som skiljer från den gamla",
        "som spårade ändringar: godkänner man alla blir det den nya versionen, avvisar",
        "man alla blir det den gamla.",
        "",
        "Exempel:",
        "  remiss diff gammal.yaml arende.yaml      skriver arende.andringar.docx",
        "  remiss diff arende.yaml --mot main       ändringarna sedan main, från git",
        "  remiss diff arende.yaml --mot HEAD~1 -o granska.docx --forfattare \"Kim Lindqvist\"",
      ].join("\n"),
    )
    .action(async (files: string[], options: import("./commands/diff.js").DiffOptions) => {
      const { runDiff } = await import("./commands/diff.js");
      setExitCode(await runDiff(files, options, io));
    });

  program
    .command("init")
    .description("skriv en startfil för ett nytt ärende, med alla fält och en kommentar till varje")
    .argument("[fil]", "filen som skrivs", "arende.yaml")
    .usage("[flaggor] [fil]")
    .option("--fran <dokument>", "fyll i det som det remitterade dokumentet säger (PDF, Word, text eller Markdown): typ, titel, datum, författare, att-satser och text")
    .option("--remissbrev <dokument>", "fyll i det som remissbrevet säger: remittent, diarienummer, sista svarsdag och andra remissinstanser")
    .option("--force", "skriv över filen om den redan finns")
    .helpOption("-h, --help", "visa hjälp för init")
    .addHelpText(
      "after",
      [
        "",
        "Exempel:",
        "  remiss init                    skriver arende.yaml",
        "  remiss init motion-gang.yaml",
        "  remiss init --fran motion.pdf --remissbrev remiss.pdf",
      ].join("\n"),
    )
    .action(async (file: string, options: import("./commands/init.js").InitOptions) => {
      const { runInit } = await import("./commands/init.js");
      setExitCode(await runInit(file, options, io));
    });

  const templates = program
    .command("templates")
    .description("arbeta med mallarna som utlåtandet skrivs från")
    .usage("<kommando>")
    .helpOption("-h, --help", "visa hjälp för templates");
  templates
    .command("export")
    .description("kopiera de inbyggda mallarna till en mapp, som början på förvaltningens egna")
    .argument("<mapp>", "mappen som mallarna kopieras till")
    .usage("[flaggor] <mapp>")
    .option("--force", "skriv över mallar som redan finns i mappen")
    .helpOption("-h, --help", "visa hjälp för templates export")
    .addHelpText("after", ["", "Exempel:", "  remiss templates export mallar", "  (ange sedan templates: mallar i remiss.config.yaml)"].join("\n"))
    .action(async (dir: string, options: { force?: boolean }) => {
      const { runTemplatesExport } = await import("./commands/templates.js");
      setExitCode(await runTemplatesExport(dir, options, io));
    });

  program
    .command("schema")
    .description("skriv ut JSON Schema för indataformatet, för redigerarens komplettering och felmarkering")
    .option("--config", "schemat för remiss.config.yaml i stället för ett ärendes")
    .option("--lista", "schemat för det som remiss lista --format json skriver")
    .helpOption("-h, --help", "visa hjälp för schema")
    .addHelpText(
      "after",
      [
        "",
        "Exempel:",
        "  remiss schema > remiss.schema.json",
        "  remiss schema --config > remiss.config.schema.json",
        "  remiss schema --lista > remiss.lista.schema.json",
      ].join("\n"),
    )
    .action(async (options: { config?: boolean; lista?: boolean }) => {
      const { runSchema } = await import("./commands/schema.js");
      setExitCode(runSchema(io, options));
    });

  return program;
}

function handleError(error: unknown, io: CommandIo, helpAskedFor: boolean, command: Command): ExitCode {
  if (error instanceof CommanderError) {
    // Help asked for (also `remiss help`), or the version: fine. Help shown because no command was given: a usage error.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT_OK;
    if (error.code === "commander.help") return helpAskedFor ? EXIT_OK : EXIT_USAGE;
    io.stderr(`remiss: ${commanderMessage(error, command)}\nSe remiss${command.parent ? ` ${command.name()}` : ""} --help.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RemissError) {
    io.stderr(`${printable(error.message)}\n`);
    return error.exitCode;
  }
  io.stderr(`remiss: ett oväntat fel inträffade (${printable(unexpectedDetail(error))}). Inget har skrivits över. Rapportera gärna felet.\n`);
  if (io.env.REMISS_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_USAGE;
}

/** Commander's English messages, said in Swedish. */
function commanderMessage(error: CommanderError, command: Command): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  // showSuggestionAfterError: "(Did you mean --out-dir?)" on a line of its own.
  const suggestion = /\(Did you mean (?:one of )?([^?,)]+)/u.exec(error.message)?.[1];
  switch (error.code) {
    case "commander.unknownOption":
      return `okänd flagga ${quoted}.${suggestion ? ` Menade du ”${suggestion}”?` : ""}`;
    case "commander.unknownCommand":
      return unknownCommand(command, quoted, suggestion);
    case "commander.missingArgument":
      return "ange minst en fil.";
    case "commander.optionMissingArgument":
      return `flaggan ${quoted} behöver ett värde.`;
    case "commander.excessArguments":
      return "för många argument.";
    case "commander.missingMandatoryOptionValue":
      return `flaggan ${quoted} måste anges.`;
    default:
      return error.message.replace(/^error: /, "");
  }
}

function version(): string {
  return packageVersion();
}
