using System.Buffers.Binary;
using System.Text;
using Npgsql;
using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// Rows of decision_versions' columns in PostgreSQL's binary COPY format, written straight into a buffer and sent
/// through Npgsql's raw COPY stream (PostgresVersionStore). Npgsql's NpgsqlBinaryImporter resolves each value's type
/// and converter on every Write: for a million rows of nineteen values that was most of the import's CPU, more than
/// the server spent storing them. Here a text is its UTF-8 bytes, a date the ten ISO digits (IsoDate.Format, as on
/// SQLite), an integer eight bytes, big-endian, as the format says: a 19-byte header, then per row the number of
/// fields and each field's length (-1: NULL) and bytes, and a trailer of -1.
internal sealed class PgCopyRows : IDisposable
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private const int Size = 1 << 16;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[Size];
    private int _used;
    private bool _done;

    public PgCopyRows(NpgsqlConnection c, string copySql)
    {
        _stream = c.BeginRawBinaryCopy(copySql);
        Header.CopyTo(_buffer, 0);
        _used = Header.Length;
    }

    public void StartRow(short fields)
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), fields);
        _used += 2;
    }

    public void Text(string? value)
    {
        if (value is null) { Null(); return; }
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most + 4 > Size) { Large(value); return; }
        Room(4 + most);
        var n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), n);
        _used += 4 + n;
    }

    public void Day(DateOnly? day)
    {
        if (day is not { } d) { Null(); return; }
        Room(14);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 10);
        IsoDate.Format(d, _buffer.AsSpan(_used + 4, 10));
        _used += 14;
    }

    public void Int64(long value)
    {
        Room(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used + 4), value);
        _used += 12;
    }

    private void Null()
    {
        Room(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), -1);
        _used += 4;
    }

    /// A text longer than the buffer (a kommentar is bounded by the import's limits, but not to 16 000 characters).
    private void Large(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Room(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), bytes.Length);
        _used += 4;
        Send();
        _stream.Write(bytes);
    }

    private void Room(int bytes)
    {
        if (_used + bytes > Size) Send();
    }

    private void Send()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// Sends the trailer and ends the COPY; without it, Dispose cancels the COPY (the import then fails).
    public void Complete()
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        Send();
        _done = true;
        _stream.Dispose();
    }

    public void Dispose()
    {
        if (!_done) _stream.Cancel();
        _stream.Dispose();
    }
}
