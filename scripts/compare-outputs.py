#!/usr/bin/env python3
"""Canonical text dumps of StatsReporting's output files, and the diff of two such dumps (python3 stdlib only).

Used by scripts/compare-outputs (which builds and runs the two versions); on its own:

    compare-outputs.py dump FILES_DIR DUMP_DIR     one DUMP_DIR/<path>.txt per file under FILES_DIR, and _filer.txt
    compare-outputs.py diff DUMP_A DUMP_B [--label PREFIX] [--lines N]
                                                    exit 0 = identical, 1 = differences (listed), 2 = error

What a dump holds, per kind of file:
  .xlsx  the workbook part (sheets, defined names = print areas and print titles); the cell styles used (font,
         fill, border, alignment, protection) under a short hash; every sheet in workbook order: its settings (sheet
         view, columns, print options, margins, page setup, header/footer, breaks, drawing anchors, ... every
         element of the sheet except the cell data, printed generically), every row's attributes, every cell
         (Sheet!A1, type, value with shared strings resolved, formula if any, number format, style hash), merged
         ranges; then every part of the package with its size and SHA-256 after normalisation, so that nothing the
         readable part leaves out can differ unseen.
  .docx  the body in order: each paragraph with its style id, paragraph properties and text, formatted runs, fields,
         images; tables row by row and cell by cell; section properties; headers and footers; styles and numbering;
         then every part with its SHA-256, as for .xlsx.
  .zip   every entry (sorted by name) with its compression method, each dumped by its own kind (recursively).
  .png   size, SHA-256, the IHDR header and the chunk list (compared byte for byte).
  other  (.csv, .json, .svg, the archive, ...) size and SHA-256, and for UTF-8 text every line (compared byte for
         byte: the SHA-256 line differs whenever a byte does; the lines show where).
  _filer.txt  every folder and file written (relative path, type, permission bits). Database files (*.db, -wal,
         -shm, -journal) are listed but their content is not compared (it holds import timestamps).

NORMALISATION -- the only place where anything is masked (see normalise_package below); nothing else is:
  N1 zip entry order and zip entry timestamps are ignored (entries are sorted by name; dates are never read).
  N2 OPC core properties (docProps/core.xml, package/services/metadata/core-properties/*.psmdcp): the text of
     dcterms:created, dcterms:modified and cp:lastPrinted (the moment the file was written) becomes TID.
  N3 the core-properties part's name, a random GUID (System.IO.Packaging: core-properties/<32 hex>.psmdcp),
     becomes core-properties/GUID.psmdcp, in part names and in the relationships that point at it.
  N4 relationship ids: the OpenXml SDK gives relationships random ids (R + 16 hex digits, new on every run). Each
     id is replaced, in its .rels part and in the source part that refers to it, by the relationship's type and
     resolved target (rel:image:/xl/media/image2.png), so what points where is still compared.
Absolute temporary paths need no normalisation: scripts/compare-outputs runs every version in the same folder.
Every dump states how many of N2-N4 it applied, so the counts are compared too.
"""
import difflib
import hashlib
import io
import json
import os
import posixpath
import re
import stat
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DB_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal")


# ---------------------------------------------------------------------------------------------------------------
# NORMALISATION (N1-N4 in the docstring). Everything that is masked is masked here.
# ---------------------------------------------------------------------------------------------------------------

PSMDCP = re.compile(rb"core-properties/[0-9a-f]{32}\.psmdcp")
CORE_DATE = re.compile(rb"(<(dcterms:created|dcterms:modified|cp:lastPrinted)\b[^>]*>)[^<]*(</\2>)")
CORE_PARTS = re.compile(r"^(docProps/core\.xml|package/services/metadata/core-properties/[^/]+\.psmdcp)$")


def rels_owner(rels_name):
    """The part a .rels part belongs to ("" for the package's _rels/.rels)."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file[: -len(".rels")]) if file != ".rels" else ""


def read_rels(data, owner):
    """[(id, type, target)] of one .rels part, the target resolved to an absolute part name (/xl/media/image.png)."""
    out = []
    for rel in ET.fromstring(data):
        target, mode = rel.get("Target", ""), rel.get("TargetMode", "")
        if mode != "External" and not target.startswith("/"):
            target = "/" + posixpath.normpath(posixpath.join(posixpath.dirname(owner), target)).lstrip("/")
        out.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], target))
    return out


def normalise_package(zf):
    """The parts of an OPC package (.xlsx, .docx) as {normalised name: normalised bytes}, the relationship map
    {owner part: {original id: canonical id}} for the readable dump, and the counts of N2-N4."""
    counts = {"N2 datum i kärnegenskaper": 0, "N3 psmdcp-namn": 0, "N4 relations-id": 0}
    parts = {}
    for info in zf.infolist():  # N1: order and timestamps of zip entries are never looked at
        if info.is_dir():
            continue
        name, data = info.filename, zf.read(info)
        name, n = PSMDCP.subn(b"core-properties/GUID.psmdcp", name.encode())
        name = name.decode()
        counts["N3 psmdcp-namn"] += n
        data, n = PSMDCP.subn(b"core-properties/GUID.psmdcp", data)
        counts["N3 psmdcp-namn"] += n
        if CORE_PARTS.match(name):
            data, n = CORE_DATE.subn(rb"\1TID\3", data)
            counts["N2 datum i kärnegenskaper"] += n
        parts[name] = data
    relmap = {}
    for name in [p for p in parts if p.endswith(".rels")]:
        owner = rels_owner(name)
        ids, seen = {}, {}
        for rid, rtype, target in read_rels(parts[name], owner):
            canon = f"rel:{rtype}:{target}"
            seen[canon] = seen.get(canon, 0) + 1
            ids[rid] = canon if seen[canon] == 1 else f"{canon}#{seen[canon]}"
        relmap[owner] = ids
        for part in (name, owner):
            if part in parts:
                for rid, canon in ids.items():
                    for q in (b'"', b"'"):
                        old, new = b"=" + q + rid.encode() + q, b"=" + q + canon.encode() + q
                        counts["N4 relations-id"] += parts[part].count(old)
                        parts[part] = parts[part].replace(old, new)
    return parts, relmap, counts


# ---------------------------------------------------------------------------------------------------------------
# Generic helpers
# ---------------------------------------------------------------------------------------------------------------

def q(text):
    """A string as a JSON literal (keeps å, ä, ö; shows tabs, newlines and control characters)."""
    return json.dumps(text, ensure_ascii=False)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def attrs(e, rels=None):
    """An element's attributes, sorted, as k=v; relationship attributes (r:id, r:embed) as their target."""
    out = []
    for k, v in sorted(e.attrib.items()):
        if k.startswith("{" + R_NS + "}"):
            out.append(f"r:{local(k)}={(rels or {}).get(v, 'okänd:' + v)}")
        else:
            out.append(f"{local(k)}={v}")
    return " ".join(out)


def generic(e, rels=None, indent=""):
    """An element and everything under it, one line per element: tag, sorted attributes, text."""
    line = indent + local(e.tag)
    a = attrs(e, rels)
    if a:
        line += " " + a
    if e.text and e.text.strip():
        line += " text=" + q(e.text)
    lines = [line]
    for child in e:
        lines += generic(child, rels, indent + "  ")
    return lines


def sha(data):
    return hashlib.sha256(data).hexdigest()


def parts_section(parts):
    lines = ["== delar (normaliserade, SHA-256)"]
    for name in sorted(parts):
        lines.append(f"del {name} {len(parts[name])} byte sha256={sha(parts[name])}")
    return lines


def norm_header(counts):
    applied = [f"{k}: {v}" for k, v in counts.items() if v]
    return ["normaliserat: " + ("; ".join(applied) if applied else "inget") + " (N1 zip-ordning/tider ignoreras alltid)"]


# ---------------------------------------------------------------------------------------------------------------
# .xlsx
# ---------------------------------------------------------------------------------------------------------------

BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
                   12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
                   18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 49: "@"}


def s(tag):
    return "{" + S_NS + "}" + tag


def compact(e):
    """An element's attributes and children on one line: b sz=11 color(rgb=FF000000) name=Calibri."""
    if e is None:
        return "-"
    out = [f"{local(k)}={v}" for k, v in sorted(e.attrib.items())]
    for child in e:
        name, a = local(child.tag), {local(k): v for k, v in child.attrib.items()}
        if not a and not len(child):
            out.append(name)
        elif list(a) == ["val"] and not len(child):
            out.append(f"{name}={a['val']}")
        else:
            out.append(f"{name}({compact(child)})")
    return " ".join(out) or "-"


class Styles:
    """cellXfs resolved: each cell's number format (printed with the cell) and the rest of its style (font, fill,
    border, alignment, protection), printed once per workbook, before the sheets, under a short hash of its text:
    the order of styles.xml alone does not show (its part hash does), any change in what a cell looks like does, and
    the diff's first lines then say what changed (font, border) before the cells that use it."""

    def __init__(self, data):
        self.xfs = []
        self.used = {}
        if data is None:
            return
        root = ET.fromstring(data)
        fmts = dict(BUILTIN_FORMATS)
        for nf in root.iter(s("numFmt")):
            fmts[int(nf.get("numFmtId"))] = nf.get("formatCode", "")
        def table(tag):
            e = root.find(s(tag))
            return [compact(x) for x in e] if e is not None else []
        fonts, fills, borders = table("fonts"), table("fills"), table("borders")
        xfs = root.find(s("cellXfs"))
        for xf in xfs if xfs is not None else []:
            def pick(lst, key):
                i = int(xf.get(key, "0"))
                return lst[i] if i < len(lst) else f"#{i} saknas"
            fid = int(xf.get("numFmtId", "0"))
            look = (f"font[{pick(fonts, 'fontId')}] fill[{pick(fills, 'fillId')}] border[{pick(borders, 'borderId')}] "
                    f"align[{compact(xf.find(s('alignment')))}] prot[{compact(xf.find(s('protection')))}]")
            self.xfs.append((f"fmt[{fid}]={q(fmts.get(fid, '?'))}", look))

    def of(self, index):
        i = int(index or "0")
        if i >= len(self.xfs):
            return f"stil #{i} saknas"
        fmt, look = self.xfs[i]
        key = hashlib.sha256(look.encode()).hexdigest()[:8]
        self.used[key] = look
        return f"{fmt} stil={key}"

    def lines(self):
        return ["== stilar (font, fyllning, kant, justering, skydd)"] + [f"stil {k}: {v}" for k, v in sorted(self.used.items())]


def rich_text(e):
    """The text of an inline string: its t, or its runs' t (phonetic rPh runs left out, as Excel shows it)."""
    if e is None:
        return ""
    return "".join((t.text or "") for child in e if local(child.tag) in ("t", "r")
                   for t in ([child] if local(child.tag) == "t" else child.findall(s("t"))))


def shared_strings(data):
    if data is None:
        return []
    out = []
    for si in ET.fromstring(data).findall(s("si")):
        out.append(rich_text(si))
    return out


def dump_xlsx(data):
    zf = zipfile.ZipFile(io.BytesIO(data))
    parts, relmap, counts = normalise_package(zf)
    raw = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    lines = ["xlsx"] + norm_header(counts)
    root_rels = {t: target for _, t, target in read_rels(raw["_rels/.rels"], "")}
    wb_name = root_rels.get("officeDocument", "/xl/workbook.xml").lstrip("/")
    wb_rel_part = posixpath.join(posixpath.dirname(wb_name), "_rels", posixpath.basename(wb_name) + ".rels")
    wb_rel_list = read_rels(raw[wb_rel_part], wb_name) if wb_rel_part in raw else []
    wb_rels = {rid: target for rid, _, target in wb_rel_list}
    wb_types = {rtype: target for _, rtype, target in wb_rel_list}
    strings = shared_strings(raw.get(wb_types.get("sharedStrings", "/xl/sharedStrings.xml").lstrip("/")))
    styles = Styles(raw.get(wb_types.get("styles", "/xl/styles.xml").lstrip("/")))
    wb = ET.fromstring(raw[wb_name])
    lines.append("== arbetsbok " + wb_name)
    lines += generic(wb, relmap.get(wb_name))
    head, lines = lines, []  # the style table (filled while the cells are read) goes between these and the sheets
    sheets = wb.find(s("sheets"))
    for sheet in sheets if sheets is not None else []:
        target = wb_rels.get(sheet.get("{" + R_NS + "}id"), "").lstrip("/")
        lines.append(f"== blad {q(sheet.get('name'))} ({target})")
        if target not in raw:
            lines.append("  delen saknas")
            continue
        rels = relmap.get(target, {})
        ws = ET.fromstring(raw[target])
        name = sheet.get("name") or ""  # each cell line names its sheet, as Excel does: Text!A56, 'Särskild avgift'!B2
        ref = name if re.fullmatch(r"\w+", name) else "'" + name.replace("'", "''") + "'"
        for child in ws:
            tag = local(child.tag)
            if tag == "sheetData":
                for row in child:
                    a = {k: v for k, v in row.attrib.items() if k not in ("r", "s")}  # s: resolved as radstil
                    lines.append(f"rad {row.get('r')} " + (" ".join(f"{k}={v}" for k, v in sorted(a.items())) or "-")
                                 + (f" radstil: {styles.of(row.get('s'))}" if row.get("s") else ""))
                    for c in row:
                        t = c.get("t", "n")
                        v, f, isv = c.find(s("v")), c.find(s("f")), c.find(s("is"))
                        if t == "s" and v is not None:
                            i = int(v.text)
                            value = q(strings[i]) if i < len(strings) else f"<delad sträng {i} saknas>"
                        elif t == "inlineStr":
                            value = q(rich_text(isv))
                        elif v is not None:
                            value = q(v.text or "")
                        else:
                            value = "(tom)"
                        formula = f" formel={q(f.text or '')} {attrs(f)}" if f is not None else ""
                        lines.append(f"  {ref}!{c.get('r')} {t} {value}{formula} {styles.of(c.get('s'))}")
            elif tag == "cols":  # a column's style index resolved like a cell's (the index alone is styles.xml's order)
                lines.append("cols")
                for col in child:
                    a = " ".join(f"{local(k)}={v}" for k, v in sorted(col.attrib.items()) if local(k) != "style")
                    lines.append(f"  col {a}" + (f" kolumnstil: {styles.of(col.get('style'))}" if col.get("style") else ""))
            elif tag == "mergeCells":
                lines.append("sammanfogade: " + " ".join(m.get("ref") for m in child))
            else:
                lines += generic(child, rels)
        for rid, canon in sorted(rels.items(), key=lambda kv: kv[1]):
            if ":drawing:" in canon:
                drawing = canon.split(":", 2)[2].lstrip("/")
                lines.append(f"-- ritning {drawing}")
                if drawing in raw:
                    lines += generic(ET.fromstring(raw[drawing]), relmap.get(drawing), "  ")
    return head + styles.lines() + lines + parts_section(parts)


# ---------------------------------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------------------------------

def w(tag):
    return "{" + W_NS + "}" + tag


class DocxDumper:
    def __init__(self, rels):
        self.rels = rels

    def run_text(self, r):
        out = []
        for child in r:
            tag = local(child.tag)
            if tag in ("t", "delText", "instrText"):
                out.append(("{" + child.text + "}") if tag == "instrText" else (child.text or ""))
            elif tag == "tab":
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
            elif tag == "fldChar":
                out.append({"begin": "{", "separate": "|", "end": "}"}.get(child.get(w("fldCharType")), ""))
            elif tag == "drawing":
                blips = [b.get("{" + R_NS + "}embed") for b in child.iter() if local(b.tag) == "blip"]
                ext = [e for e in child.iter() if local(e.tag) == "extent"]
                doc = [e for e in child.iter() if local(e.tag) == "docPr"]
                out.append("[bild " + " ".join(self.rels.get(b, "okänd:" + str(b)) for b in blips)
                           + (f" {attrs(ext[0])}" if ext else "") + (f" {attrs(doc[0])}" if doc else "") + "]")
            elif tag != "rPr":
                out.append(f"[{local(child.tag)} {attrs(child, self.rels)}]")
        return "".join(out)

    def paragraph(self, p, indent):
        ppr = p.find(w("pPr"))
        style = ppr.find(w("pStyle")).get(w("val")) if ppr is not None and ppr.find(w("pStyle")) is not None else ""
        props = " ".join(x for x in compact(ppr).split(" ") if not x.startswith("pStyle=")) if ppr is not None else ""
        props = props or "-"
        text, runs = [], []

        def walk(e):
            for child in e:
                tag = local(child.tag)
                if tag == "r":
                    t = self.run_text(child)
                    text.append(t)
                    rpr = child.find(w("rPr"))
                    if rpr is not None and len(rpr):
                        runs.append(f"{indent}  run [{compact(rpr)}] {q(t)}")
                elif tag == "fldSimple":
                    text.append("{" + (child.get(w("instr")) or "").strip() + "=")
                    walk(child)
                    text.append("}")
                elif tag in ("hyperlink", "smartTag", "ins", "sdt", "sdtContent"):
                    walk(child)
                elif tag != "pPr":
                    text.append(f"[{tag} {attrs(child, self.rels)}]")
        walk(p)
        return [f"{indent}P[{style}] {{{props}}} {q(''.join(text))}"] + runs

    def block(self, e, indent=""):
        lines = []
        for child in e:
            tag = local(child.tag)
            if tag == "p":
                lines += self.paragraph(child, indent)
            elif tag == "tbl":
                lines.append(f"{indent}TABELL [{compact(child.find(w('tblPr')))}] kolumner: "
                             + " ".join(g.get(w("w"), "?") for g in child.iter(w("gridCol"))))
                for ri, tr in enumerate(child.findall(w("tr")), 1):
                    lines.append(f"{indent}  rad {ri} [{compact(tr.find(w('trPr')))}]")
                    for ci, tc in enumerate(tr.findall(w("tc")), 1):
                        cell_text = " / ".join("".join(self.run_text(r) for r in p.iter(w("r"))) for p in tc.iter(w("p")))
                        lines.append(f"{indent}    cell {ri}.{ci} [{compact(tc.find(w('tcPr')))}] {q(cell_text)}")
                        lines += self.block(tc, indent + "      ")
            elif tag == "sectPr":
                lines.append(f"{indent}SEKTION")
                lines += generic(child, self.rels, indent + "  ")
            elif tag in ("tcPr",):
                continue
            elif tag == "sdt":
                content = child.find(w("sdtContent"))
                lines += self.block(content if content is not None else child, indent)
            else:
                lines += generic(child, self.rels, indent)
        return lines


def dump_docx(data):
    zf = zipfile.ZipFile(io.BytesIO(data))
    parts, relmap, counts = normalise_package(zf)
    raw = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    lines = ["docx"] + norm_header(counts)
    root_rels = {t: target for _, t, target in read_rels(raw["_rels/.rels"], "")}
    doc_name = root_rels.get("officeDocument", "/word/document.xml").lstrip("/")
    rels = relmap.get(doc_name, {})
    body = ET.fromstring(raw[doc_name]).find(w("body"))
    lines.append("== dokument " + doc_name)
    lines += DocxDumper(rels).block(body if body is not None else ET.Element("body"))
    for rid, canon in sorted(rels.items(), key=lambda kv: kv[1]):
        kind, target = canon.split(":", 2)[1:]
        target = target.lstrip("/").split("#")[0]
        if kind in ("header", "footer", "footnotes", "endnotes") and target in raw:
            lines.append(f"== {kind} {target}")
            lines += DocxDumper(relmap.get(target, {})).block(ET.fromstring(raw[target]))
        elif kind in ("styles", "numbering", "settings") and target in raw:
            lines.append(f"== {kind} {target}")
            lines += generic(ET.fromstring(raw[target]), relmap.get(target))
    return lines + parts_section(parts)


# ---------------------------------------------------------------------------------------------------------------
# Other kinds
# ---------------------------------------------------------------------------------------------------------------

def dump_png(data):
    lines = [f"png {len(data)} byte sha256={sha(data)}"]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return lines + ["ingen PNG-signatur"]
    pos, chunks = 8, []
    while pos + 8 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        if ctype == b"IHDR":
            wdt, hgt, depth, color = struct.unpack(">IIBB", data[pos + 8:pos + 18])
            lines.append(f"IHDR {wdt}x{hgt} bitdjup={depth} färgtyp={color}")
        chunks.append(f"{ctype.decode('latin-1')}:{length}")
        pos += 12 + length
    return lines + ["chunkar: " + " ".join(chunks)]


def dump_bytes(data):
    lines = [f"byte {len(data)} sha256={sha(data)}"]
    body = data
    if body.startswith(b"\xef\xbb\xbf"):
        lines.append("BOM: UTF-8")
        body = body[3:]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return lines + ["(inte UTF-8-text: bara SHA-256 jämförs)"]
    if "\x00" in text:
        return lines + ["(binär: bara SHA-256 jämförs)"]
    ends_newline = text.endswith("\n")
    for i, line in enumerate(text.split("\n")[:-1] if ends_newline else text.split("\n"), 1):
        shown = line.replace("\r", "␍")
        shown = "".join(ch if ch == "\t" or ord(ch) >= 32 else f"\\x{ord(ch):02x}" for ch in shown)
        lines.append(f"{i}: {shown}")
    if not ends_newline:
        lines.append("(ingen radbrytning sist)")
    return lines


def dump_zip(data):
    zf = zipfile.ZipFile(io.BytesIO(data))
    lines = ["zip (N1: ordning och tidsstämplar ignoreras)"]
    for info in sorted((i for i in zf.infolist() if not i.is_dir()), key=lambda i: i.filename):
        method = {zipfile.ZIP_STORED: "lagrad", zipfile.ZIP_DEFLATED: "komprimerad"}.get(info.compress_type, str(info.compress_type))
        lines.append(f"== post {info.filename} ({method})")
        lines += ["  " + x for x in dump_content(info.filename, zf.read(info))]
    return lines


def dump_content(name, data):
    ext = os.path.splitext(name)[1].lower()
    try:
        if ext == ".xlsx":
            return dump_xlsx(data)
        if ext == ".docx":
            return dump_docx(data)
        if ext == ".zip":
            return dump_zip(data)
    except (zipfile.BadZipFile, ET.ParseError, KeyError) as e:
        return [f"kunde inte läsas som {ext}: {e}"] + dump_bytes(data)[:1]
    if ext == ".png":
        return dump_png(data)
    return dump_bytes(data)


def dump_tree(src, dst):
    listing = []
    count = 0
    for folder, dirs, files in os.walk(src):
        dirs.sort()
        rel_folder = os.path.relpath(folder, src)
        for d in dirs:
            st = os.lstat(os.path.join(folder, d))
            listing.append(f"mapp {oct(stat.S_IMODE(st.st_mode))} {posixpath.normpath(posixpath.join(rel_folder, d))}/")
        for f in sorted(files):
            path = os.path.join(folder, f)
            rel = posixpath.normpath(posixpath.join(rel_folder, f))
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                listing.append(f"länk {rel} -> {os.readlink(path)}")
                continue
            if not stat.S_ISREG(st.st_mode):
                listing.append(f"annat {rel}")
                continue
            if f.endswith(DB_SUFFIXES):
                listing.append(f"fil {oct(stat.S_IMODE(st.st_mode))} {rel} (databas: innehållet jämförs inte)")
                continue
            listing.append(f"fil {oct(stat.S_IMODE(st.st_mode))} {rel}")
            with open(path, "rb") as fh:
                lines = dump_content(f, fh.read())
            out = os.path.join(dst, rel + ".txt")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            count += 1
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(dst, "_filer.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(listing) + "\n")
    return count


def all_dumps(root):
    out = set()
    for folder, _, files in os.walk(root):
        for f in files:
            out.add(os.path.relpath(os.path.join(folder, f), root))
    return out


def diff_trees(a, b, label, max_lines):
    names_a, names_b = all_dumps(a), all_dumps(b)
    differing, same = [], 0
    for name in sorted(names_a | names_b):
        shown = name[:-4] if name.endswith(".txt") and not name.startswith("_") else name
        where = f"{label}{shown}"
        if name not in names_a or name not in names_b:
            differing.append(f"SKILLNAD {where}: finns bara i {'BASE' if name in names_a else 'HEAD'}")
            continue
        with open(os.path.join(a, name), encoding="utf-8") as fa, open(os.path.join(b, name), encoding="utf-8") as fb:
            la, lb = fa.read().splitlines(), fb.read().splitlines()
        if la == lb:
            if not name.startswith("_"):
                same += 1
            continue
        diff = list(difflib.unified_diff(la, lb, "BASE", "HEAD", n=1, lineterm=""))[2:]
        changed = sum(1 for x in diff if x[:1] in "+-")
        body = ["    " + (x if len(x) <= 400 else x[:400] + " …") for x in diff[:max_lines]]
        more = [f"    … ({len(diff) - max_lines} rader till i diffen)"] if len(diff) > max_lines else []
        differing.append(f"SKILLNAD {where} ({changed} ändrade rader)\n" + "\n".join(body + more))
    return same, differing


def main(argv):
    if len(argv) >= 3 and argv[0] == "dump":
        print(dump_tree(argv[1], argv[2]))
        return 0
    if len(argv) >= 3 and argv[0] == "diff":
        label, max_lines = "", 20
        rest = argv[3:]
        while rest:
            if rest[0] == "--label":
                label, rest = rest[1], rest[2:]
            elif rest[0] == "--lines":
                max_lines, rest = int(rest[1]), rest[2:]
            else:
                raise SystemExit(f"okänd flagga {rest[0]}")
        same, differing = diff_trees(argv[1], argv[2], label, max_lines)
        for d in differing:
            print(d)
        print(f"SAMMA {same}")
        return 1 if differing else 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SystemExit:
        raise
    except Exception as e:  # a dumper crash is an error (2), never "differences" (1)
        import traceback
        traceback.print_exc()
        print(f"Fel i compare-outputs.py: {e}", file=sys.stderr)
        sys.exit(2)
