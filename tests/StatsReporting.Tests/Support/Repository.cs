using System.Reflection;

namespace StatsReporting.Tests;

/// The checkout the tests were built from, for tests that read the sources themselves.
public static class Repository
{
    public static string Root => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}
