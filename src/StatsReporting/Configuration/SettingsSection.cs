using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StatsReporting.Configuration;

/// One feature's settings: the section of appsettings.json it is bound from ("StatsReporting:Ivo") and its own check,
/// which throws InvalidOperationException with a Swedish message naming the key ("appsettings.json: StatsReporting:…").
/// Each feature keeps its settings class in its own folder; nothing here knows which features there are.
public interface ISettingsSection
{
    static abstract string Section { get; }

    void Validate();
}

/// Reads a feature's settings, bound and checked.
public interface ISettingsReader
{
    T Get<T>() where T : class;
}

public static partial class SettingsSection
{
    /// The options pattern: T bound from its section and checked when the host starts (ValidateOnStart), in the web
    /// service and in the CLI alike (Jobs/Installation runs the same start-up check).
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services) where T : class, ISettingsSection, new() =>
        services.AddSingleton(new SectionBinding(T.Section, config => Bind(config, T.Section, new T()))).AddOptions<T>()
            .Configure<IConfiguration>((settings, config) => Bind(config, T.Section, settings))
            .Validate(settings =>
            {
                settings.Validate();
                return true;
            })
            .ValidateOnStart();

    /// Every section bound, not yet checked: a value of the wrong type is named before any section's own check runs
    /// (a check may fail only because another section could not be read).
    public static void BindAll(IServiceProvider services, IConfiguration config)
    {
        foreach (var binding in services.GetServices<SectionBinding>()) binding.Bind(config);
    }

    /// Binds a section into `target`, in Swedish when a value has the wrong type.
    public static void Bind(IConfiguration config, string section, object target)
    {
        try { config.GetSection(section).Bind(target); }
        catch (InvalidOperationException e) when (WrongType().Match(e.Message) is { Success: true } m)
        {
            var wanted = m.Groups[3].Value switch
            {
                "System.Int32" or "System.Int64" => "ett heltal",
                "System.Boolean" => "true eller false",
                var type => type,
            };
            throw new InvalidOperationException($"appsettings.json: värdet '{m.Groups[1].Value}' för {m.Groups[2].Value} har fel typ ({wanted} behövs).", e);
        }
    }

    // The configuration binder's own (English) words for a value it cannot convert.
    [GeneratedRegex(@"^Failed to convert configuration value '(.*)' at '(.*)' to type '(.*)'")]
    private static partial Regex WrongType();
}

/// A registered section, for SettingsSection.BindAll.
public sealed record SectionBinding(string Section, Action<IConfiguration> Bind);
