using Microsoft.Extensions.Configuration;

namespace StatsReporting.Configuration;

/// Where the settings come from: appsettings.json of the working folder if there is one, else the copy beside the
/// program, then environment variables (StatsReporting__Paths__Database=…). The web host reads the same file and adds
/// its own sources (command-line arguments) on top.
public static class SettingsFile
{
    public const string Root = "StatsReporting";

    public static IConfiguration Load(string? folder = null)
    {
        var here = Path.Combine(folder ?? Directory.GetCurrentDirectory(), "appsettings.json");
        var file = File.Exists(here) ? here : Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        try { return new ConfigurationBuilder().AddJsonFile(file, optional: false).AddEnvironmentVariables().Build(); }
        catch (InvalidDataException e)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
                if (x is System.Text.Json.JsonException { LineNumber: { } line })
                    throw new InvalidOperationException($"{file} är ingen giltig JSON (rad {line + 1}): rätta filen.", e);
            throw new InvalidOperationException($"{file} kan inte läsas: {e.Message}", e);
        }
    }
}
