using System.Data.Common;

namespace StatsReporting.Storage;

/// Parameters on a provider's command without its own collection type (SqliteParameterCollection.AddWithValue).
public static class DbCommands
{
    public static DbParameter AddParameter(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }
}
