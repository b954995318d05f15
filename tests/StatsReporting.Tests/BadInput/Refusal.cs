using StatsReporting.Import;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.BadInput;

/// A refused import leaves the database file exactly as it was, byte for byte (and no journal behind).
public static class Refusal
{
    public static ImportFailedException Refused(TestEnv env, Func<ImportOutcome> import)
    {
        var before = Snapshot(env.Db.Path);
        var e = Assert.Throws<ImportFailedException>(() => import());
        Assert.Equal(before, Snapshot(env.Db.Path));
        return e;
    }

    /// The one error of a refusal, as the user reads it.
    public static string Single(ImportFailedException e) => Assert.Single(e.Errors, x => !x.IsWarning).ToString();

    public static string Snapshot(string db) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(db)))
        + string.Join(",", new[] { "-wal", "-journal", "-shm" }.Where(x => File.Exists(db + x) && new FileInfo(db + x).Length > 0));

    public static string Csv(TestEnv env, string name, params string[] rows) =>
        TestEnv.WriteRecords(env.PathOf(name), rows);

    public const string Good = "A-1;19390601-T490;M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;TACKAT_NEJ;";
}
