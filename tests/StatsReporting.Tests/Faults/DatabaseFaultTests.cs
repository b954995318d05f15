using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Faults;

/// A write verb checks the database before it writes: an empty file, a file that is no database and a damaged one
/// are refused in Swedish with the file named, and the file is left byte for byte as it was.
[Collection("Console")]
public class DatabaseFaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private string Damaged(string kind)
    {
        var path = Path.Combine(Directory.CreateDirectory(_env.PathOf("skadad")).FullName, $"{kind}.db");
        if (kind == "tom") { File.WriteAllBytes(path, []); return path; }
        if (kind == "text") { File.WriteAllText(path, "beslut_id;person_id\nA-1;19500101-T123\n"); return path; }
        _env.Importer().Import(TestEnv.SampleCsv);
        var bytes = File.ReadAllBytes(_env.Db.Path);
        switch (kind)
        {
            case "sida": // a b-tree page in the middle overwritten with noise
                new Random(7).NextBytes(bytes.AsSpan(4096 * 3, 4096));
                break;
            case "halv": // the second half lost, as after a copy cut off
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case "huvud": // the header's magic string overwritten
                "NOT A DATABASE!!"u8.CopyTo(bytes);
                break;
        }
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("tom", "filen är tom (0 byte) där en databas väntades")]
    [InlineData("text", "filen är ingen SQLite-databas")]
    [InlineData("huvud", "filen är ingen SQLite-databas")]
    [InlineData("sida", "filen är skadad")]
    [InlineData("halv", "filen är skadad")]
    public void Import_into_a_damaged_database_is_refused_in_Swedish_and_changes_nothing(string kind, string reason)
    {
        var db = Damaged(kind);
        var before = SHA256.HashData(File.ReadAllBytes(db));
        var r = CliInProcess.Run("import", TestEnv.SampleCsv, "--db", db);
        Assert.Equal(1, r.Code);
        Assert.Contains($"Fel: Databasen '{db}' kan inte användas: {reason}", r.Err);
        Assert.Contains("Inget har ändrats.", r.Err);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(db)));
        Assert.Equal([Path.GetFileName(db)], Directory.EnumerateFileSystemEntries(_env.PathOf("skadad")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_locked_database_answers_after_the_five_second_busy_timeout_not_thirty()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        using var holder = new SqliteConnection($"Data Source={_env.Db.Path};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand()) { begin.CommandText = "BEGIN EXCLUSIVE"; begin.ExecuteNonQuery(); }

        var watch = Stopwatch.StartNew();
        var r = CliInProcess.Run("import", TestEnv.SampleCsv, "--db", _env.Db.Path);
        watch.Stop();
        output.WriteLine($"Låst databas: svar efter {watch.Elapsed.TotalSeconds:F1} s (busy timeout {StatsReporting.Storage.Db.BusyTimeoutSeconds} s)");
        Assert.Equal(1, r.Code);
        Assert.Contains("den är låst av en annan process; försök igen om en stund", r.Err);
        Assert.InRange(watch.Elapsed.TotalSeconds, 4.5, 9);
    }
}
