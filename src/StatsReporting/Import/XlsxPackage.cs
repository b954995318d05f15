using System.IO.Compression;
using System.Xml;

namespace StatsReporting.Import;

/// An XLSX opened as a zip without trusting it: every part is read through a stream that counts the bytes it
/// inflates against the entry's declared size and against Import:MaxUnzippedBytes for the whole file, so a zip bomb
/// or a part that lies about its size stops at the limit instead of filling the memory. XML is read forward only,
/// without DTDs (no entity expansion).
public sealed class XlsxPackage : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly ImportLimits _limits;
    private long _inflated;

    public XlsxPackage(Stream file, ImportLimits limits)
    {
        _limits = limits;
        try { _zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { throw new NotATableException("filen är ingen giltig .xlsx-fil (zip-arkivet är skadat); spara den på nytt från Excel."); }
        long declared = 0;
        foreach (var e in _zip.Entries)
        {
            declared += e.Length;
            if (e.Length > limits.MaxUnzippedBytes || declared > limits.MaxUnzippedBytes)
                throw new NotATableException($"arbetsboken är {InputFile.Mb(Math.Max(e.Length, declared))} när den packas upp, mer än gränsen "
                    + $"{InputFile.Mb(limits.MaxUnzippedBytes)} (Import:MaxUnzippedBytes).");
        }
    }

    public static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// The parts around the sheet (workbook, relationships, styles) are small in any real workbook.
    public const long MaxSmallPartBytes = 16 * 1024 * 1024;

    /// The part at an absolute path inside the package ("xl/worksheets/sheet1.xml"), or null when there is none.
    public XmlReader? Open(string path, long? maxBytes = null)
    {
        var entry = _zip.GetEntry(path.TrimStart('/'));
        if (entry is null) return null;
        if (entry.Length > (maxBytes ?? long.MaxValue))
            throw new NotATableException($"delen {entry.FullName} i arbetsboken är {InputFile.Mb(entry.Length)} uppackad, mer än "
                + $"{InputFile.Mb(maxBytes!.Value)} som en sådan del någonsin behöver; filen är inget beslutsunderlag.");
        try { return XmlReader.Create(new Counted(entry.Open(), entry.Length, this), Xml); }
        catch (InvalidDataException) { throw new NotATableException($"delen {path} i arbetsboken är skadad; spara den på nytt från Excel."); }
    }

    /// A part's relationships by id, each with its type and its target's absolute path ("xl/_rels/workbook.xml.rels"
    /// for "xl/workbook.xml"; "_rels/.rels" for the package, partPath "").
    public Dictionary<string, (string Type, string Target)> Relationships(string partPath)
    {
        var dir = Path.GetDirectoryName(partPath)?.Replace('\\', '/') ?? "";
        var rels = new Dictionary<string, (string, string)>();
        using var r = Open($"{(dir.Length > 0 ? dir + "/" : "")}_rels/{Path.GetFileName(partPath)}.rels", MaxSmallPartBytes);
        if (r is null) return rels;
        while (r.Read())
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") is { } id && r.GetAttribute("Target") is { } t)
                rels.TryAdd(id, (r.GetAttribute("Type") ?? "", t.StartsWith('/') ? t.TrimStart('/') : Normalize(dir + "/" + t)));
        return rels;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p != ".") parts.Add(p);
        return string.Join('/', parts);
    }

    public void Dispose() => _zip.Dispose();

    private sealed class Counted(Stream inner, long declared, XlsxPackage package) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n;
            try { n = inner.Read(buffer, offset, count); }
            catch (InvalidDataException) { throw new NotATableException("en del av arbetsboken är skadad; spara den på nytt från Excel."); }
            _read += n;
            package._inflated += n;
            if (_read > declared)
                throw new NotATableException("en del av arbetsboken är större uppackad än zip-arkivet anger (kanske en så kallad zip-bomb).");
            if (package._inflated > package._limits.MaxUnzippedBytes)
                throw new NotATableException($"arbetsboken är större än gränsen {InputFile.Mb(package._limits.MaxUnzippedBytes)} när den packas upp (Import:MaxUnzippedBytes).");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
