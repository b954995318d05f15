using System.Buffers;
using System.Text;

namespace StatsReporting.Import;

/// CSV records one at a time (RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks), never
/// more than one record in memory, each cell within Import:MaxCellChars and each record within Import:MaxColumns.
/// CRLF, LF and a lone CR (old Mac exports) all end a line. A record's number is its first line.
public static class CsvRows
{
    private static readonly SearchValues<char> InQuotes = SearchValues.Create("\"\r\n");

    public static IEnumerable<RawRow> Read(Stream s, TextEncoding enc, ImportLimits limits, CancellationToken ct)
    {
        s.Position = enc.Preamble;
        using var reader = new StreamReader(s, enc.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var state = new Parser(enc.Separator, limits);
        var buffer = new char[1 << 16];
        // Excel's `sep=;` line is line 1, but no row of the table.
        var skip = enc.SepLine;
        for (int n; (n = reader.Read(buffer)) > 0;)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < n;)
            {
                i = state.Feed(buffer.AsSpan(0, n), i);
                if (state.Completed is { } row)
                {
                    state.Completed = null;
                    if (skip) skip = false;
                    else yield return row;
                }
            }
        }
        if (state.End() is { } last && !skip) yield return last;
    }

    /// The parser's state between characters; Feed consumes text up to and including one record's end at most.
    private sealed class Parser(char sep, ImportLimits limits)
    {
        private readonly SearchValues<char> _plain = SearchValues.Create([sep, '"', '\r', '\n']);
        private List<string> _cells = [];
        // The cell being read; its text is trimmed before a string is made of it.
        private char[] _cell = new char[256];
        private int _length;
        private int _line = 1, _recordLine = 1, _quoteLine;
        private bool _quoted, _quoteSeen, _lastCr, _blank = true;
        public RawRow? Completed;

        public int Feed(ReadOnlySpan<char> text, int i)
        {
            while (i < text.Length)
            {
                // Runs of ordinary characters are copied at once; only separators, quotes and line ends are looked at.
                if (!_quoteSeen)
                {
                    var rest = text[i..];
                    var k = rest.IndexOfAny(_quoted ? InQuotes : _plain);
                    var run = k < 0 ? rest : rest[..k];
                    if (run.Length > 0) { Append(run); _lastCr = false; i += run.Length; }
                    if (k < 0) return i;
                }
                var ch = text[i++];
                var afterCr = _lastCr;
                _lastCr = ch == '\r';
                if (_quoteSeen)
                {
                    // The previous character was a quote inside a quoted field: a second one is a literal quote.
                    _quoteSeen = false;
                    if (ch == '"') { Append("\""); continue; }
                    _quoted = false;
                }
                if (_quoted)
                {
                    if (ch == '"') { _quoteSeen = true; continue; }
                    if (ch == '\r' || !afterCr) { _line++; Append("\n"); } // CRLF inside a field is one line break
                    continue;
                }
                if (ch == '\n' && afterCr) continue; // the LF of a CRLF
                // A quote opens a quoted field also after spaces ("a; "b;c""), which the cell's trim would drop anyway.
                if (ch == '"' && _blank) { _length = 0; _quoted = true; _quoteLine = _line; }
                else if (ch == sep) Add();
                else if (ch is '\n' or '\r') { Add(); Completed = new RawRow(_recordLine, _cells); _cells = new(_cells.Count); _recordLine = ++_line; return i; }
                else Append([ch]);
            }
            return i;
        }

        public RawRow? End()
        {
            // Else every row after it would silently become part of one text.
            if (_quoted && !_quoteSeen)
                throw new NotATableException("ett citattecken (\") öppnar ett fält som aldrig avslutas; resten av filen skulle ha lästs som en enda text.", _quoteLine);
            if (_length == 0 && _cells.Count == 0) return null;
            Add();
            return new RawRow(_recordLine, _cells);
        }

        private void Add()
        {
            if (_cells.Count >= limits.MaxColumns)
                throw new NotATableException($"raden har fler än {limits.MaxColumns} kolumner (gränsen Import:MaxColumns).", _recordLine);
            _cells.Add(_cell.AsSpan(0, _length).Trim().ToString());
            _length = 0;
            _blank = true;
        }

        private void Append(ReadOnlySpan<char> run)
        {
            if (_length + run.Length > limits.MaxCellChars)
                throw new NotATableException($"cellen är längre än {limits.MaxCellChars} tecken (gränsen Import:MaxCellChars).", _recordLine,
                    (_cells.Count + 1).ToString());
            if (_length + run.Length > _cell.Length) Array.Resize(ref _cell, Math.Max(_cell.Length * 2, _length + run.Length));
            run.CopyTo(_cell.AsSpan(_length));
            _length += run.Length;
            if (_blank && !run.IsWhiteSpace()) _blank = false;
        }
    }
}
