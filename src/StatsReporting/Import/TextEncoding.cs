using System.Text;

namespace StatsReporting.Import;

/// What the bytes of a CSV file are, found by one pass over them (bounded memory): the encoding, the separator of
/// the first lines, and the lines where a stray non-UTF-8 byte sits in an otherwise UTF-8 file. SepLine: the first line
/// is Excel's `sep=;` (or `sep=,`), which sets the separator and is no row of the table.
public sealed record TextEncoding(Encoding Encoding, int Preamble, char Separator, IReadOnlyList<int> StrayLines, bool SepLine = false)
{
    public static readonly Encoding Windows1252 = Cp1252();

    private static readonly System.Buffers.SearchValues<byte> Interesting =
        System.Buffers.SearchValues.Create([0, (byte)'\r', (byte)'\n', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static Encoding Cp1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8; Windows-1252, as Swedish Excel writes, when they hold
    /// no UTF-8 sequence at all; UTF-8 with each stray byte read as Windows-1252 when both occur (one line edited in
    /// another program), with those lines named. A BOM does not prove UTF-8: some tools keep it when saving as "ANSI".
    public static TextEncoding Detect(Stream s)
    {
        var head = new byte[4];
        var n = s.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        if (n == 4 && (head is [0xFF, 0xFE, 0, 0] or [0, 0, 0xFE, 0xFF]))
            throw new NotATableException("kodningen UTF-32 stöds inte — spara som UTF-8 (i Excel: CSV UTF-8).");
        if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE) return Utf16(s, Encoding.Unicode);
        if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF) return Utf16(s, Encoding.BigEndianUnicode);
        var bom = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        s.Position = bom;

        var buffer = new byte[1 << 16];
        int line = 1, pending = 0, semis = 0, commas = 0, valid = 0;
        // The separators are counted over the first lines, not the first alone: a title row above the header
        // ("Ej verkställda beslut, uttag 2025-07-01") may hold a comma and no semicolon.
        const int separatorLines = RowSource.HeaderSearchRows + 1;
        bool inHead = true, lastCr = false;
        var stray = new List<int>();
        var strayCount = 0;
        for (int read; (read = s.Read(buffer)) > 0;)
            for (var i = 0; i < read; i++)
            {
                // Plain ASCII text needs no look, except the first line's separators: skip it in vectorised runs.
                if (pending == 0 && !inHead)
                {
                    var k = buffer.AsSpan(i, read - i).IndexOfAny(Interesting);
                    if (k < 0) { lastCr = false; break; }
                    if (k > 0) lastCr = false;
                    i += k;
                }
                var b = buffer[i];
                if (b == 0) throw new NotATableException(LooksUtf16(buffer.AsSpan(0, read))
                    ? "filen verkar vara UTF-16-text utan BOM; spara den som CSV UTF-8."
                    : "filen är ingen CSV-text (kanske en .xls- eller PDF-fil); spara den som CSV eller .xlsx.", line);
                if (pending > 0)
                {
                    if ((b & 0xC0) == 0x80) { if (--pending == 0) valid++; continue; }
                    pending = 0;
                    Stray();
                }
                if (b < 0x80)
                {
                    if (b == '\n') { if (!lastCr) line++; inHead = line <= separatorLines; }
                    else if (b == '\r') { line++; inHead = line <= separatorLines; }
                    else if (inHead && b == ';') semis++;
                    else if (inHead && b == ',') commas++;
                    lastCr = b == '\r';
                    continue;
                }
                lastCr = false;
                pending = b switch { >= 0xC2 and <= 0xDF => 1, >= 0xE0 and <= 0xEF => 2, >= 0xF0 and <= 0xF4 => 3, _ => 0 };
                if (pending == 0) Stray();
            }
        if (pending > 0) Stray();

        void Stray()
        {
            strayCount++;
            if ((stray.Count == 0 || stray[^1] != line) && stray.Count < 20) stray.Add(line);
        }
        var sep = semis >= commas ? ';' : ',';
        var given = SepOf(s, bom);
        if (given is { } g) sep = g;
        TextEncoding Result(Encoding e, IReadOnlyList<int> lines) => new(e, bom, sep, lines, given is not null);
        if (strayCount == 0) return Result(new UTF8Encoding(false), []);
        if (valid == 0) return Result(Windows1252, []);
        return Result(Encoding.GetEncoding(65001, EncoderFallback.ReplacementFallback, new Cp1252Fallback()), stray);
    }

    /// The separator of a first line `sep=X` (Excel writes it and reads it), or null.
    private static char? SepOf(Stream s, int from)
    {
        s.Position = from;
        var b = new byte[7];
        var n = s.ReadAtLeast(b, b.Length, throwOnEndOfStream: false);
        return SepOf(Encoding.ASCII.GetString(b, 0, n));
    }

    private static char? SepOf(string start) =>
        start.Length >= 5 && start.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && start[4] is ';' or ',' or '\t' or '|'
        && (start.Length == 5 || start[5] is '\r' or '\n') ? start[4] : null;

    private static TextEncoding Utf16(Stream s, Encoding e)
    {
        // Count the separators of the first line in the decoded text; 64 KB is enough to tell ';' from ','.
        s.Position = 2;
        var buffer = new byte[1 << 16];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = e.GetString(buffer, 0, n - n % 2);
        var first = text.Split('\n', '\r')[0];
        if (SepOf(text.Length > 7 ? text[..7] : text) is { } given) return new(e, 2, given, [], true);
        return new(e, 2, first.Count(c => c == ';') >= first.Count(c => c == ',') ? ';' : ',', []);
    }

    private static bool LooksUtf16(ReadOnlySpan<byte> b)
    {
        var zeros = 0;
        for (var i = 1; i < Math.Min(b.Length, 200); i += 2) if (b[i] == 0) zeros++;
        return zeros > Math.Min(b.Length, 200) / 4;
    }

    /// Reads each byte that is not UTF-8 as the Windows-1252 character it would be.
    private sealed class Cp1252Fallback : DecoderFallback
    {
        public override int MaxCharCount => 4;
        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private string _chars = "";
            private int _pos;
            public override bool Fallback(byte[] bytesUnknown, int index) { _chars = Windows1252.GetString(bytesUnknown); _pos = 0; return true; }
            public override char GetNextChar() => _pos < _chars.Length ? _chars[_pos++] : '\0';
            public override bool MovePrevious() { if (_pos == 0) return false; _pos--; return true; }
            public override int Remaining => _chars.Length - _pos;
        }
    }
}
