using Microsoft.Data.Sqlite;
using System.Text;
using SQLitePCL;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// Writes decision versions inside the import's one transaction with statements compiled once and reused (migration
/// 0006): new versions are INSERTed 64 rows per statement (one statement's cursors and seeks serve 64 rows, where a
/// statement per row paid them every time), a version leaving its law's snapshot is one UPDATE of gone_import, and a
/// decision the snapshot carries unchanged costs no write at all. Values are bound by position (SqliteBind), and
/// only where they differ from what that place held for the batch before. Rows are stored in the order they came,
/// so ids follow the file as before; Flush stores the last, incomplete batch one row at a time.
internal sealed class DecisionVersions : IDisposable
{
    private const int Batch = 64;
    private const string GoneSql = "UPDATE decision_versions SET gone_import = $gone WHERE id = $id";

    private readonly Statement _many, _one;
    private readonly SqliteCommand _gone;
    private readonly (VersionRow Row, long Version)[] _pending = new (VersionRow, long)[Batch];
    private int _count;

    public DecisionVersions(SqliteConnection c, SqliteTransaction tx, long importId, string namnd)
    {
        _many = new Statement(c, Batch, importId, namnd);
        _one = new Statement(c, 1, importId, namnd);
        _gone = Prepare(c, tx, GoneSql, ["gone", "id"]);
        _gone.Parameters[0].Value = importId;
    }

    public void Insert(VersionRow row, long version)
    {
        _many.Bind(_count, row, version);
        _pending[_count++] = (row, version);
        if (_count < Batch) return;
        _many.Step();
        _count = 0;
    }

    /// Stores the rows of the last batch that did not fill a statement.
    public void Flush()
    {
        for (var i = 0; i < _count; i++)
        {
            _one.Bind(0, _pending[i].Row, _pending[i].Version);
            _one.Step();
        }
        _count = 0;
    }

    /// One INSERT of `rows` rows: ?1 is the nämnd and ?2 the import, bound once (bindings outlive sqlite3_reset);
    /// row k's 17 values follow from ?(3 + 17k).
    private sealed class Statement : IDisposable
    {
        private static readonly int Fields = DecisionTable.Written.Count - 2; // namnd and import_id are bound once
        private readonly SqliteConnection _c;
        private readonly sqlite3_stmt _handle;
        private readonly nint _stmt; // _handle's own pointer, for SqliteBind (_handle keeps it alive until Dispose)
        // A value's UTF-8 is written here and bound from here (SQLite copies it): no array per value.
        private byte[] _utf8 = new byte[256];
        // What each parameter holds now (a fresh statement's are all NULL): a value the batch before bound in the
        // same place already, such as the catalog's own insats text or an empty date, is not bound again.
        private readonly string?[] _text;
        private readonly DateOnly?[] _day;
        private readonly long?[] _number;

        public Statement(SqliteConnection c, int rows, long importId, string namnd)
        {
            _c = c;
            var values = Enumerable.Range(0, rows).Select(k =>
            {
                var at = 3 + k * Fields;
                string P(int j) => $"?{at + j}";
                return $"(?1, {P(0)}, {P(1)}, ?2, {string.Join(", ", Enumerable.Range(2, Fields - 2).Select(P))})";
            });
            var sql = $"INSERT INTO decision_versions ({string.Join(", ", DecisionTable.Written)}) VALUES " + string.Join(",\n", values);
            Check(raw.sqlite3_prepare_v2(c.Handle, sql, out _handle));
            _stmt = _handle.DangerousGetHandle();
            var count = 3 + rows * Fields;
            (_text, _day, _number) = (new string?[count], new DateOnly?[count], new long?[count]);
            Number(2, importId);
            Text(1, namnd);
        }

        public void Bind(int k, VersionRow row, long version)
        {
            var (d, at) = (row.Decision, 3 + k * Fields);
            Text(at, d.BeslutId); Number(at + 1, version); Text(at + 2, d.PersonId); Text(at + 3, DecisionTable.KonCode(d.Kon));
            Text(at + 4, DecisionTable.LagCode(d.Lag)); Text(at + 5, d.Verksamhet); Text(at + 6, d.Insats); Text(at + 7, d.Enhet);
            Day(at + 8, d.Beslutsdatum); Day(at + 9, d.Avbrottsdatum); Day(at + 10, d.VerkstalltDatum); Day(at + 11, d.AvslutatDatum);
            Text(at + 12, d.Orsak); Text(at + 13, d.Kommentar); Day(at + 14, d.Fodelsedatum); Number(at + 15, row.Hash);
            Day(at + 16, row.FirstLateDay);
        }

        public void Step()
        {
            var rc = raw.sqlite3_step(_handle);
            SqliteBind.ResetStatement(_stmt);
            if (rc != raw.SQLITE_DONE) Check(rc);
        }

        private void Text(int at, string? value)
        {
            if (ReferenceEquals(value, _text[at])) return;
            _text[at] = value;
            if (value is null) { Check(SqliteBind.Null(_stmt, at)); return; }
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > _utf8.Length) _utf8 = new byte[most];
            Check(SqliteBind.Text(_stmt, at, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8))));
        }

        /// A date as IsoDate.Format writes it (ÅÅÅÅ-MM-DD), without making a string of it.
        private void Day(int at, DateOnly? day)
        {
            if (day == _day[at]) return;
            _day[at] = day;
            if (day is not { } d) { Check(SqliteBind.Null(_stmt, at)); return; }
            Span<byte> iso = stackalloc byte[10];
            IsoDate.Format(d, iso);
            Check(SqliteBind.Text(_stmt, at, iso));
        }

        private void Number(int at, long value)
        {
            if (value == _number[at]) return;
            _number[at] = value;
            Check(SqliteBind.Int64(_stmt, at, value));
        }

        private void Check(int rc) => DecisionVersions.Check(_c, rc);

        public void Dispose() => _handle.Dispose(); // sqlite3_finalize
    }

    private static void Check(SqliteConnection c, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
            throw new SqliteException(raw.sqlite3_errmsg(c.Handle).utf8_to_string(), rc);
    }

    /// The version is not in this import's snapshot of its law (its decision changed or is missing).
    public void Gone(long versionId)
    {
        _gone.Parameters[1].Value = versionId;
        _gone.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql, string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter("$" + n, DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
        _gone.Dispose();
    }
}
