#!/usr/bin/python3
"""LibreOffice as the third-party editor of the tests: one job, one headless soffice.

Reads a JSON job on stdin:

    {"input": "in.docx", "output": "out.docx", "timeout": 40,
     "operations": [{"op": "edit", "author": "Anna Berg", "edits": [...]}, ...]}

and runs its operations in order on the document loaded from `input`, then
saves it as DOCX ("MS Word 2007 XML") to `output` when one is given. Writes
{"results": [...]} on stdout, one entry per operation (null, or the
paragraphs). Operations:

- resave: nothing (the document is saved as LibreOffice writes it);
- edit: with change recording on and the user name set to `author` (so the
  tracked changes carry it), the `edits` in order:
    {"replace": "phrase", "with": "new phrase", "occurrence": 1}
    {"insertAfter": "text in the paragraph", "paragraph": "new text", "occurrence": 1}
    {"delete": "exact sentence. ", "occurrence": 2}
    {"deleteParagraph": "text in the paragraph", "occurrence": 1}
  `occurrence` counts from 1 over the whole body in document order (tables
  included), case-sensitive, and defaults to 1;
- accept-all, reject-all: the document's tracked changes;
- paragraphs: the text of every paragraph of the body in document order,
  table cells included (a tracked deletion still counts as text).

soffice runs on a private pipe with its own temporary profile, which is
removed at the end; soffice is always killed, also on a timeout or an error.
Exit 1 with a message on stderr when something fails.

LibreOffice 7.4 cannot open a DOCX that has comments over UNO (the load
returns nothing or soffice dies), while `soffice --convert-to` opens and
re-saves it with its comments. A job that only re-saves therefore runs
`--convert-to`; any other operation on a document with comments is refused:
add comments after the LibreOffice edits (tests/support/docx-comment.ts).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

SOFFICE = os.environ.get("REMISS_SOFFICE", "soffice")


class JobError(Exception):
    pass


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Office:
    """A headless soffice on a private pipe with a throwaway profile."""

    def __init__(self, deadline):
        self.deadline = deadline
        self.profile = tempfile.mkdtemp(prefix="remiss-lo-profile-")
        self.pipe = "remiss_" + uuid.uuid4().hex
        self.proc = None
        self.ctx = None
        self.desktop = None

    def start(self):
        self.proc = subprocess.Popen(
            [
                SOFFICE,
                "-env:UserInstallation=" + Path(self.profile).as_uri(),
                "--headless",
                "--invisible",
                "--nologo",
                "--nodefault",
                "--norestore",
                "--nolockcheck",
                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() is not None:
                    raise JobError("soffice exited with code %s before it accepted a connection" % self.proc.returncode)
                if time.monotonic() > self.deadline:
                    raise JobError("soffice did not accept a connection in time")
                time.sleep(0.1)
        smgr = self.ctx.ServiceManager
        # The desktop may not be ready the instant the pipe is.
        while True:
            try:
                self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
                if self.desktop is not None:
                    return
            except Exception:
                pass
            if time.monotonic() > self.deadline:
                raise JobError("soffice did not start its desktop in time")
            time.sleep(0.1)

    def set_user_name(self, name):
        """The name LibreOffice writes as the author of tracked changes."""
        given, _, family = name.partition(" ")
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx
        )
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
        )
        access.setPropertyValue("givenname", given)
        access.setPropertyValue("sn", family)
        access.setPropertyValue("initials", "".join(part[:1] for part in name.split()))
        access.commitChanges()

    def close(self):
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge goes down with soffice
        if self.proc is not None:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def dispatch(office, doc, command):
    helper = office.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())


def find(doc, text, occurrence):
    if not text:
        raise JobError("an edit needs a non-empty text to find")
    search = doc.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    search.SearchRegularExpression = False
    found = doc.findAll(search)
    if occurrence < 1 or occurrence > found.getCount():
        raise JobError("%r occurs %d time(s), not %d" % (text, found.getCount(), occurrence))
    return found.getByIndex(occurrence - 1)


def apply_edit(doc, edit):
    occurrence = int(edit.get("occurrence", 1))
    if "replace" in edit:
        found = find(doc, edit["replace"], occurrence)
        found.setString(edit["with"])
    elif "insertAfter" in edit:
        found = find(doc, edit["insertAfter"], occurrence)
        text = found.getText()
        cursor = text.createTextCursorByRange(found.getEnd())
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, edit["paragraph"], False)
    elif "delete" in edit:
        find(doc, edit["delete"], occurrence).setString("")
    elif "deleteParagraph" in edit:
        found = find(doc, edit["deleteParagraph"], occurrence)
        text = found.getText()
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        # Take a paragraph mark with it: the one before, so that the paragraph after keeps its own
        # style (LibreOffice gives the paragraph after a deleted mark the deleted paragraph's style);
        # for the first paragraph of the text, its own.
        if cursor.goLeft(1, False):
            cursor.gotoRange(found.getEnd(), True)
            cursor.gotoEndOfParagraph(True)
        else:
            cursor.gotoEndOfParagraph(True)
            cursor.goRight(1, True)
        cursor.setString("")
    else:
        raise JobError("unknown edit %r" % (edit,))


def paragraphs_of(text_container, out):
    enum = text_container.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                paragraphs_of(element.getCellByName(name), out)
        elif element.supportsService("com.sun.star.text.Paragraph"):
            out.append(element.getString())
    return out


def run_job(office, job):
    input_path = job.get("input")
    if not input_path or not os.path.isfile(input_path):
        raise JobError("no input file %r" % (input_path,))
    doc = office.desktop.loadComponentFromURL(
        Path(os.path.abspath(input_path)).as_uri(), "_blank", 0, (prop("Hidden", True),)
    )
    if doc is None:
        raise JobError("LibreOffice could not open %s" % input_path)
    results = []
    try:
        for operation in job.get("operations", []):
            op = operation.get("op")
            if op == "resave":
                results.append(None)
            elif op == "edit":
                office.set_user_name(operation.get("author", "Granskare"))
                doc.setPropertyValue("RecordChanges", True)
                for edit in operation.get("edits", []):
                    apply_edit(doc, edit)
                doc.setPropertyValue("RecordChanges", False)
                results.append(None)
            elif op == "accept-all":
                dispatch(office, doc, ".uno:AcceptAllTrackedChanges")
                results.append(None)
            elif op == "reject-all":
                dispatch(office, doc, ".uno:RejectAllTrackedChanges")
                results.append(None)
            elif op == "paragraphs":
                results.append(paragraphs_of(doc.getText(), []))
            else:
                raise JobError("unknown operation %r" % (op,))
        output = job.get("output")
        if output:
            doc.storeToURL(
                Path(os.path.abspath(output)).as_uri(),
                (prop("FilterName", "MS Word 2007 XML"), prop("Overwrite", True)),
            )
    finally:
        try:
            doc.close(True)
        except Exception:
            pass
    return results


def has_comments(path):
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/comments.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def convert(job, deadline):
    """A plain re-save through `soffice --convert-to`, with a throwaway profile."""
    input_path = job.get("input")
    if not input_path or not os.path.isfile(input_path):
        raise JobError("no input file %r" % (input_path,))
    work = tempfile.mkdtemp(prefix="remiss-lo-convert-")
    try:
        source = os.path.join(work, "in", "document" + (Path(input_path).suffix or ".docx"))
        os.makedirs(os.path.dirname(source))
        shutil.copyfile(input_path, source)
        proc = subprocess.Popen(
            [
                SOFFICE,
                "-env:UserInstallation=" + Path(os.path.join(work, "profile")).as_uri(),
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                os.path.join(work, "out"),
                source,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            _, stderr = proc.communicate(timeout=max(1, deadline - time.monotonic()))
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        produced = os.path.join(work, "out", "document.docx")
        if proc.returncode != 0 or not os.path.isfile(produced):
            raise JobError("soffice --convert-to failed (%s): %s" % (proc.returncode, stderr.decode(errors="replace").strip()))
        if job.get("output"):
            shutil.move(produced, job["output"])
        return [None for _ in job.get("operations", [])]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def on_signal(signum, _frame):
    raise JobError("stopped by signal %d" % signum)


def main():
    job = json.load(sys.stdin)
    timeout = float(job.get("timeout", 40))
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_signal)
    signal.alarm(max(1, int(timeout)))
    deadline = time.monotonic() + timeout
    office = Office(deadline)
    try:
        if has_comments(job.get("input", "")):
            if any(operation.get("op") != "resave" for operation in job.get("operations", [])):
                raise JobError(
                    "LibreOffice 7.4 cannot open a DOCX with comments over UNO; only resave works on it "
                    "(add comments after the LibreOffice edits)"
                )
            results = convert(job, deadline)
        else:
            office.start()
            results = run_job(office, job)
    except JobError as error:
        print("libreoffice-review: %s" % error, file=sys.stderr)
        return 1
    except Exception as error:  # a UNO exception: say what it was
        print("libreoffice-review: %s: %s" % (type(error).__name__, error), file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
        office.close()
    json.dump({"results": results}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
