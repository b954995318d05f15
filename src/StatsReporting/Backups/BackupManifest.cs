using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatsReporting.Backups;

/// manifest.json of a backup, written last: when it was taken, the schema (the last migration applied), the rows of
/// every table, and the size and SHA-256 of every file in the backup. What the database referred to but the backup
/// could not hold (an archive file already gallrad or damaged) is listed under `saknas`, so a restore knows it.
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";
    public const string DatabaseFile = "statsreporting.db";
    public const int CurrentFormat = 1;
    /// A manifest is a few KB; anything past this is not one of ours.
    public const long MaxBytes = 16 * 1024 * 1024;

    public int Format { get; init; } = CurrentFormat;
    public DateTimeOffset Skapad { get; init; }
    public string Program { get; init; } = "";
    /// The last migration applied, e.g. "0012_data_protection_keys.sql": its number is the schema version.
    public string Schemaversion { get; init; } = "";
    public IReadOnlyList<string> Migreringar { get; init; } = [];
    public IReadOnlyDictionary<string, long> Tabeller { get; init; } = new Dictionary<string, long>();
    /// How many persons' data the backup holds (distinct person codes), for the behandlingslogg.
    public long Personer { get; init; }
    public IReadOnlyList<ManifestFile> Filer { get; init; } = [];
    public IReadOnlyList<ManifestGap> Saknas { get; init; } = [];

    public static int SchemaNumber(string migration) =>
        migration.Length >= 4 && int.TryParse(migration.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var n) ? n : int.MaxValue;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// A new file, owner-only, synced to the disk.
    public void Write(string path)
    {
        using var f = NewFile(path);
        f.Write(ToBytes());
        f.Flush(flushToDisk: true);
    }

    private static FileStream NewFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    /// Null with the reason when the file is not a manifest this program can read.
    public static BackupManifest? Read(string path, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) { problem = $"{FileName} saknas: mappen är ingen hel säkerhetskopia"; return null; }
            if (info.Length > MaxBytes) { problem = $"{FileName} är {info.Length} byte, större än en säkerhetskopias manifest kan vara"; return null; }
            var m = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllBytes(path), Json);
            if (m is null || m.Filer is null || m.Tabeller is null || m.Migreringar is null || m.Saknas is null || m.Schemaversion is null)
            {
                problem = $"{FileName} saknar uppgifter";
                return null;
            }
            return m;
        }
        catch (JsonException e) { problem = $"{FileName} kan inte läsas (rad {e.LineNumber + 1}): filen är skadad eller ingen säkerhetskopias manifest"; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problem = $"{FileName} kan inte läsas ({FileSystem.UserText.Reason(e)})"; }
        return null;
    }

    /// Copies `from` to `to` (a new file, owner-only), synced to the disk, and returns its size and SHA-256.
    public static (long Bytes, string Sha256) CopyHashed(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var target = NewFile(to);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        for (int n; (n = source.Read(buffer)) > 0; bytes += n)
        {
            sha.AppendData(buffer, 0, n);
            target.Write(buffer, 0, n);
        }
        target.Flush(flushToDisk: true);
        return (bytes, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public static (long Bytes, string Sha256) Hash(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return (f.Length, Convert.ToHexStringLower(SHA256.HashData(f)));
    }
}

public sealed record ManifestFile(string Fil, long Byte, string Sha256);

public sealed record ManifestGap(string Fil, string Orsak);
