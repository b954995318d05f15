using Dapper;
using StatsReporting.Storage;
using StatsReporting.Logg;

namespace StatsReporting.Access;

/// Who presented a valid key.
/// `Namnder`: the codes of the nämnder the key may see; null for all (an installation admin, or a key of a one-nämnd
/// installation).
public sealed record KeyHolder(string Id, string Name, Role Role, IReadOnlyList<string>? Namnder = null)
{
    public bool Sees(string namnd) => Namnder is null || Namnder.Contains(namnd);
    public bool IsInstallationAdmin => Role == Role.Admin && Namnder is null;

    public static string Stored(IReadOnlyList<string>? namnder) => namnder is null ? "*" : string.Join(",", namnder);
    public static IReadOnlyList<string>? Parse(string? stored) =>
        string.IsNullOrEmpty(stored) || stored == "*" ? null : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// A key as listed: never the secret, which is not stored anywhere.
public sealed class StoredKey
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string Salt { get; init; } = "";
    public string Hash { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string? RevokedAt { get; init; }
    public string Namnder { get; init; } = "*";
}

/// API keys of the database (made by `statsreporting keys add`) and of configuration; CLI and web share it.
public sealed class KeyStore(Db db, AccessSettings? access = null)
{
    /// Makes a key, stores only its salted hash, and returns the key: the only time anyone sees it.
    /// `by`: who makes it, for the behandlingslogg (same transaction); default this process (user@machine).
    public (KeyHolder Holder, string Key) Add(Role role, string name, DateTimeOffset now, IReadOnlyList<string>? namnder = null, Actor? by = null)
    {
        const string sql = """
            INSERT INTO api_keys (id, name, role, salt, hash, created_at, namnder) VALUES (@id, @name, @role, @salt, @hash, @at, @namnder)
            """;
        var (id, key, salt, hash) = KeySecret.Generate();
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        c.Execute(sql, new { id, name, role = role.Name(), salt, hash, at = now.ToString("O"), namnder = KeyHolder.Stored(namnder) }, tx);
        Behandlingslogg.Write(db, c, tx, (by ?? Actor.ThisProcess).Did(Handling.NyckelSkapad, Resultat.Ok) with
            { Objekt = $"nyckel {id} '{name}', roll {role.Name()}, nämnder {KeyHolder.Stored(namnder)}" }, now);
        tx.Commit();
        return (new(id, name, role, namnder), key);
    }

    /// Makes a key for appsettings.json: nothing is stored, the caller prints the entry.
    public static (ConfiguredKey Entry, string Key) ForConfiguration(Role role, string name, IReadOnlyList<string>? namnder = null)
    {
        var (id, key, salt, hash) = KeySecret.Generate();
        return (new() { Id = id, Name = name, Role = role.Name(), Salt = salt, Hash = hash, Namnder = namnder?.ToList() }, key);
    }

    public KeyHolder? Verify(string? presented)
    {
        if (KeySecret.Split(presented) is not var (id, secret)) return null;
        var k = Find(id);
        return k is not null && KeySecret.Matches(k.Salt, k.Hash, secret) && Roles.TryParse(k.Role, out var role)
            ? new(k.Id, k.Name, role, KeyHolder.Parse(k.Namnder)) : null;
    }

    /// False once a key is revoked or removed from configuration: sessions made with it end at their next request.
    public bool IsActive(string id) => Find(id) is not null;

    private const string Columns =
        "id AS Id, name AS Name, role AS Role, salt AS Salt, hash AS Hash, created_at AS CreatedAt, revoked_at AS RevokedAt, namnder AS Namnder";

    public IReadOnlyList<StoredKey> List()
    {
        const string sql = $"SELECT {Columns} FROM api_keys ORDER BY created_at";
        using var c = db.Open();
        return c.Query<StoredKey>(sql).ToList();
    }

    public bool Revoke(string id, DateTimeOffset now, Actor? by = null)
    {
        const string sql = "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL";
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var revoked = c.Execute(sql, new { id, at = now.ToString("O") }, tx) == 1;
        if (revoked)
            Behandlingslogg.Write(db, c, tx, (by ?? Actor.ThisProcess).Did(Handling.NyckelSparrad, Resultat.Ok) with { Objekt = $"nyckel {id}" }, now);
        tx.Commit();
        return revoked;
    }

    private StoredKey? Find(string id)
    {
        const string sql = $"SELECT {Columns} FROM api_keys WHERE id = @id AND revoked_at IS NULL";
        if (access?.Keys.FirstOrDefault(k => k.Id == id) is { } configured)
            return new() { Id = configured.Id, Name = configured.Name, Role = configured.Role, Salt = configured.Salt, Hash = configured.Hash,
                Namnder = KeyHolder.Stored(configured.Namnder) };
        using var c = db.Open();
        return c.QuerySingleOrDefault<StoredKey>(sql, new { id });
    }
}
