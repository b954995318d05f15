namespace StatsReporting.Import;

/// The beslut_id values of one file with the row each was first seen on, for the check that no id comes twice. A
/// million ids as a million live strings in a dictionary would be promoted through every generation of the garbage
/// collector and scanned by each collection while the rest of the file streams past; here their characters sit in
/// one growing array, and the table holds only numbers, which the collector never looks into. Hashes are the
/// runtime's randomised string hash, so a crafted file cannot make every id collide.
public sealed class IdSet
{
    private char[] _chars = new char[1 << 12];
    private int _used;
    // Per id: where its characters start and end in _chars, the row it came on, and its hash.
    private int[] _start = new int[256], _end = new int[256], _row = new int[256], _hash = new int[256];
    private int _count;
    // Open addressing: slot holds 1 + the id's number, 0 when free; never fuller than half.
    private int[] _slots = new int[512];

    public int Count => _count;

    /// Adds id, seen on row; false, with the row it was first seen on, when the file already had it.
    public bool TryAdd(string id, int row, out int firstRow)
    {
        var hash = string.GetHashCode(id.AsSpan());
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (int n; (n = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            var i = n - 1;
            if (_hash[i] == hash && _chars.AsSpan(_start[i], _end[i] - _start[i]).SequenceEqual(id))
            {
                firstRow = _row[i];
                return false;
            }
        }
        firstRow = 0;
        if (_count == _start.Length) Grow(ref _start, ref _end, ref _row, ref _hash);
        if (_used + id.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + id.Length));
        id.CopyTo(_chars.AsSpan(_used));
        (_start[_count], _end[_count], _row[_count], _hash[_count]) = (_used, _used + id.Length, row, hash);
        _used += id.Length;
        _slots[slot] = ++_count;
        if (_count * 2 > _slots.Length) Rehash();
        return true;
    }

    private static void Grow(ref int[] a, ref int[] b, ref int[] c, ref int[] d)
    {
        var size = a.Length * 2;
        Array.Resize(ref a, size);
        Array.Resize(ref b, size);
        Array.Resize(ref c, size);
        Array.Resize(ref d, size);
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = _hash[i] & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = i + 1;
        }
    }
}
