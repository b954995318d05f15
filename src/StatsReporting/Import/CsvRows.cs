using System.Text;

namespace StatsReporting.Import;

/// CSV records one at a time (RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks), never
/// more than one record in memory, each cell within Import:MaxCellChars and each record within Import:MaxColumns.
/// CRLF, LF and a lone CR (old Mac exports) all end a line. A record's number is its first line.
public static class CsvRows
{
    public static IEnumerable<RawRow> Read(Stream s, TextEncoding enc, ImportLimits limits, CancellationToken ct)
    {
        s.Position = enc.Preamble;
        using var reader = new StreamReader(s, enc.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var sep = enc.Separator;
        var buffer = new char[1 << 16];
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1, quoteLine = 0;
        bool quoted = false, quoteSeen = false, lastCr = false, blank = true;

        void Add()
        {
            if (cells.Count >= limits.MaxColumns)
                throw new NotATableException($"raden har fler än {limits.MaxColumns} kolumner (gränsen Import:MaxColumns).", recordLine);
            cells.Add(cell.ToString().Trim());
            cell.Clear();
            blank = true;
        }
        void Append(char ch)
        {
            if (cell.Length >= limits.MaxCellChars)
                throw new NotATableException($"cellen är längre än {limits.MaxCellChars} tecken (gränsen Import:MaxCellChars).", recordLine,
                    (cells.Count + 1).ToString());
            cell.Append(ch);
            if (blank && !char.IsWhiteSpace(ch)) blank = false;
        }

        for (int n; (n = reader.Read(buffer)) > 0;)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                var ch = buffer[i];
                var afterCr = lastCr;
                lastCr = ch == '\r';
                if (quoteSeen)
                {
                    // The previous character was a quote inside a quoted field: a second one is a literal quote.
                    quoteSeen = false;
                    if (ch == '"') { Append('"'); continue; }
                    quoted = false;
                }
                if (quoted)
                {
                    if (ch == '"') { quoteSeen = true; continue; }
                    if (ch == '\n' && !afterCr || ch == '\r') line++;
                    Append(ch == '\r' ? '\n' : ch);
                    if (ch == '\n' && afterCr) cell.Length--; // CRLF inside a field is one line break
                    continue;
                }
                if (ch == '\n' && afterCr) continue; // the LF of a CRLF
                // A quote opens a quoted field also after spaces ("a; "b;c""), which the cell's trim would drop anyway.
                if (ch == '"' && blank) { cell.Clear(); quoted = true; quoteLine = line; }
                else if (ch == sep) Add();
                else if (ch is '\n' or '\r')
                {
                    Add();
                    yield return new RawRow(recordLine, cells);
                    cells = [];
                    recordLine = ++line;
                }
                else Append(ch);
            }
        }
        // Else every row after it would silently become part of one text.
        if (quoted && !quoteSeen)
            throw new NotATableException("ett citattecken (\") öppnar ett fält som aldrig avslutas; resten av filen skulle ha lästs som en enda text.", quoteLine);
        if (cell.Length > 0 || cells.Count > 0) { Add(); yield return new RawRow(recordLine, cells); }
    }
}
