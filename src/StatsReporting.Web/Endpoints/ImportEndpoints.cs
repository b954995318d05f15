using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using StatsReporting.Access;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Web.Auth;

namespace StatsReporting.Web.Endpoints;

/// Upload of decision records: the same Importer as `statsreporting import`, so the same validation, the same
/// row errors and the same guarantee: a file with an error stores nothing.
public static class ImportEndpoints
{
    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        // The multipart reader stops at the same limit when a client sends no Content-Length.
        builder.Services.AddOptions<FormOptions>().Configure<AppSettings>((o, s) => o.MultipartBodyLengthLimit = s.Web.MaxUploadBytes);
        return builder;
    }

    public static WebApplication MapImports(this WebApplication app)
    {
        app.MapPost("/api/imports", Upload).RequireAuthorization(Roles.Admin).RequireCsrf();
        return app;
    }

    public sealed record RowError(string File, int Row, string? Column, string Message);
    public sealed record Imported(string File, long ImportId, bool AlreadyImported, int Rows, int New, int Changed, int Unchanged,
        string Summary, IReadOnlyList<RowError> Warnings);

    private static async Task<IResult> Upload(HttpRequest request, Importer importer, AppSettings settings, CancellationToken ct)
    {
        var max = settings.Web.MaxUploadBytes;
        if (request.ContentLength > max) return TooLarge(max);
        if (!request.HasFormContentType) return Bad("Skicka filen som multipart/form-data i fältet 'fil'.");
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (InvalidDataException) { return TooLarge(max); } // the multipart reader's own limit, when no length was sent
        if ((form.Files.GetFile("fil") ?? form.Files.FirstOrDefault()) is not { } file) return Bad("Ingen fil i fältet 'fil'.");
        if (file.Length > max) return TooLarge(max);

        // The client's file name is only shown and recorded, never used as a path.
        var name = string.Concat(Path.GetFileName(file.FileName.Replace('\\', '/')).Where(c => !char.IsControl(c)));
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx")) return Bad($"Filtypen '{ext}' stöds inte: ladda upp en .csv- eller .xlsx-fil.");
        var staged = Path.Combine(Path.GetTempPath(), $"statsreporting-upload-{Guid.NewGuid():N}{ext}");
        try
        {
            await using (var to = File.Create(staged)) await file.CopyToAsync(to, ct);
            if (!LooksLike(staged, ext)) return Bad($"{name} är ingen {(ext == ".xlsx" ? "Excel-fil (.xlsx)" : "textfil (.csv)")}.");
            var outcome = importer.Import(staged, name);
            return TypedResults.Ok(new Imported(outcome.FileName, outcome.ImportId, outcome.AlreadyImported, outcome.Rows, outcome.New,
                outcome.Changed, outcome.Unchanged, outcome.Summary, outcome.Warnings.Select(Row).ToList()));
        }
        catch (ImportFailedException e)
        {
            var errors = e.Errors.Where(x => !x.IsWarning).Select(Row).ToList();
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Importen avbröts",
                detail: $"{name}: {errors.Count} fel. Inget från filen har sparats.", extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        finally { File.Delete(staged); }
    }

    /// The extension is checked against the content: an .xlsx is a zip package, a .csv is text without NUL bytes.
    private static bool LooksLike(string path, string ext)
    {
        using var f = File.OpenRead(path);
        var head = new byte[4096];
        var n = f.Read(head);
        return ext == ".xlsx" ? n >= 4 && head[..4] is [0x50, 0x4B, 0x03, 0x04] : !head.AsSpan(0, n).Contains((byte)0);
    }

    private static RowError Row(ImportError e) => new(e.File, e.Row, e.Column, e.Message);

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: detail);

    private static ProblemHttpResult TooLarge(long max) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        detail: $"Filen är större än gränsen {max / 1024 / 1024} MB.");
}
