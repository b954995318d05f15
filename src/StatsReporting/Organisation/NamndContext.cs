using StatsReporting.Configuration;
using StatsReporting.Decisions;
using StatsReporting.Storage;

namespace StatsReporting.Organisation;

/// One nämnd as every feature sees it, made in one place (Jobs/Installation.For) for the CLI, the web, both jobs and
/// the kommun summary: who it is, its records (the Db scoped to its code), its catalog and report settings (its own
/// where it has them), its folders, and the installation's other settings (Get).
public sealed class NamndContext(NamndSettings namnd, Db db, Catalog catalog, ReportSettings report, OrganisationSettings organisation,
    PathSettings paths, ISettingsReader settings) : ISettingsReader
{
    public NamndSettings Namnd => namnd;
    public string Code => namnd.Code;
    public Db Db => db;
    public Catalog Catalog => catalog;
    public ReportSettings Report => report;
    public PathSettings Paths => paths;

    /// The nämnd's own folder below a root (reports/<code>) when there are several; the root itself with one.
    public string Folder(string root) => Namnder.Folder(root, organisation, namnd.Code);

    /// The nämnd's IVO folder: Paths:Ivo (or ivo/ beside the database), with its code below it when there are several.
    public string IvoRoot => Folder(paths.IvoFor(db.Path));

    /// The archive of imported files (one for every nämnd: a file is named by its sha256).
    public string Archive => paths.ArchiveFor(db.Path);

    public T Get<T>() where T : class => settings.Get<T>();
}
