using System.Runtime.CompilerServices;

namespace StatsReporting.Records;

/// A value per beslut_id, for the million ids an import holds at once: the file's ids with the row each came on (the
/// check that none comes twice) and the newest stored version of each decision (the diff). A million ids as keys
/// of a Dictionary are a million live strings, promoted through every generation of the garbage collector and
/// scanned by each collection while the file streams past; here their characters sit in one growing array and the
/// table holds only numbers and values, which the collector never looks into. Hashes are the runtime's randomised
/// string hash, so a crafted file cannot make every id collide.
public sealed class IdMap<TValue> where TValue : struct
{
    private char[] _chars = new char[1 << 12];
    private int _used;
    // Per id: where its characters start and end in _chars, its hash and its value.
    private int[] _start = new int[256], _end = new int[256], _hash = new int[256];
    private TValue[] _values = new TValue[256];
    private int _count;
    // Open addressing: a slot holds 1 + the id's number, 0 when free; never fuller than half.
    private int[] _slots = new int[512];

    public int Count => _count;

    /// Every value, in the order their ids were added.
    public Span<TValue> Values => _values.AsSpan(0, _count);

    /// The value of id, or a null reference (Unsafe.IsNullRef) when id is not here.
    public ref TValue Find(string id)
    {
        var slot = Slot(id, string.GetHashCode(id.AsSpan()));
        return ref _slots[slot] == 0 ? ref Unsafe.NullRef<TValue>() : ref _values[_slots[slot] - 1];
    }

    /// The value of id, added as default(TValue) when id is new (exists false).
    public ref TValue GetOrAdd(string id, out bool exists)
    {
        var hash = string.GetHashCode(id.AsSpan());
        var slot = Slot(id, hash);
        exists = _slots[slot] != 0;
        if (exists) return ref _values[_slots[slot] - 1];
        if (_count == _start.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _hash, size);
            Array.Resize(ref _values, size);
        }
        if (_used + id.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + id.Length));
        id.CopyTo(_chars.AsSpan(_used));
        var i = _count++;
        (_start[i], _end[i], _hash[i]) = (_used, _used + id.Length, hash);
        _used += id.Length;
        _slots[slot] = i + 1;
        if (_count * 2 > _slots.Length) Rehash();
        return ref _values[i];
    }

    /// The slot holding id, or the free slot where it would go.
    private int Slot(string id, int hash)
    {
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (int n; (n = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            var i = n - 1;
            if (_hash[i] == hash && _chars.AsSpan(_start[i], _end[i] - _start[i]).SequenceEqual(id)) return slot;
        }
        return slot;
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
