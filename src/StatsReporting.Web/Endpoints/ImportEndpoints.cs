using Microsoft.Extensions.Options;
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
        // A second fence behind the Content-Length check: the multipart reader never takes a part over the limit.
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<WebSettings>>((o, s) => o.MultipartBodyLengthLimit = s.Value.MaxUploadBytes);
        return builder;
    }

    public static WebApplication MapImports(this WebApplication app)
    {
        // The body is checked and read before the CSRF check, which reads the form itself when the token is not in a header.
        foreach (var prefix in new[] { "/api", "/api/namnder/{namnd}" })
            app.MapPost(prefix + "/imports", Upload).RequireAuthorization(Roles.Admin).AddEndpointFilter(ReadBody).RequireCsrf();
        return app;
    }

    public sealed record RowError(string File, int Row, string? Column, string Message);
    /// Checked: the form's "Kontrollera" (`?check=true`), a dry run that stored nothing; Columns: each column found
    /// with the header it came from.
    public sealed record Imported(string File, long ImportId, bool AlreadyImported, int Rows, int New, int Changed, int Unchanged,
        string Summary, IReadOnlyList<RowError> Warnings)
    {
        public bool Checked { get; init; }
        public IReadOnlyList<FoundColumn> Columns { get; init; } = [];
    }

    public sealed record FoundColumn(string Column, string Header);

    /// The size limit holds before a byte of the body is read: a body must say its length (browsers and curl do), and
    /// the length must be within the limit. A body that then does not parse as a form is the client's error, a 400.
    private static async ValueTask<object?> ReadBody(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var max = context.HttpContext.RequestServices.GetRequiredService<IOptions<WebSettings>>().Value.MaxUploadBytes;
        if (request.ContentLength is not { } length)
            return TypedResults.Problem(statusCode: StatusCodes.Status411LengthRequired, title: "Längd saknas",
                detail: "Skicka filen med huvudet Content-Length, som webbläsare och curl gör.");
        if (length > max) return TooLarge(max);
        if (!request.HasFormContentType) return Bad("Skicka filen som multipart/form-data i fältet 'fil'.");
        try { await request.ReadFormAsync(context.HttpContext.RequestAborted); }
        catch (Exception e) when (e is InvalidDataException or IOException) // malformed or cut-off multipart
        {
            return Bad("Formuläret kunde inte läsas: skicka filen som multipart/form-data i fältet 'fil'.");
        }
        return await next(context);
    }

    private static async Task<IResult> Upload(HttpRequest request, Importer importer, StatsReporting.Storage.Db db, Auth.RequestNamnd namnd, CancellationToken ct)
    {
        // An admin of A cannot import into B: B answers as if it did not exist.
        if (namnd.Namnd is null) return Auth.RequestNamnd.NotFound();
        // The service may have run for months: the file is checked again before anything is written (Db.Check).
        try { db.Check(); }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Databasen kan inte användas", detail: e.Message);
        }
        var form = await request.ReadFormAsync(ct); // already read by ReadBody
        if ((form.Files.GetFile("fil") ?? form.Files.FirstOrDefault()) is not { } file) return Bad("Ingen fil i fältet 'fil'.");

        // The client's file name is only shown and recorded, never used as a path.
        var name = string.Concat(Path.GetFileName(file.FileName.Replace('\\', '/')).Where(c => !char.IsControl(c)));
        if (name.Length > 255) return Bad("Filnamnet är längre än 255 tecken; byt namn på filen och försök igen.");
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx")) return Bad($"Filtypen '{ext}' stöds inte: ladda upp en .csv- eller .xlsx-fil.");
        var staged = Path.Combine(Path.GetTempPath(), $"statsreporting-upload-{Guid.NewGuid():N}{ext}");
        try
        {
            // Personal data: owner-only from the first byte, like the database and the archive (File.Create gives 644).
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var to = new FileStream(staged, options)) await file.CopyToAsync(to, ct);
            if (!LooksLike(staged, ext)) return Bad($"{name} är ingen {(ext == ".xlsx" ? "Excel-fil (.xlsx)" : "textfil (.csv)")}.");
            // The request's token: a client that disconnects stops the reading of its file between rows.
            // "Kontrollera": the same reading and validation, compared with what is stored, and nothing kept.
            var outcome = request.Query["check"] == "true" ? importer.Check(staged, name, ct)
                : importer.Import(staged, name, ct, Auth.WebActor.Of(request.HttpContext));
            return TypedResults.Ok(new Imported(outcome.FileName, outcome.ImportId, outcome.AlreadyImported, outcome.Rows, outcome.New,
                outcome.Changed, outcome.Unchanged, outcome.Summary, outcome.Warnings.Select(Row).ToList())
            {
                Checked = outcome.Checked, Columns = outcome.Columns.Select(c => new FoundColumn(c.Column, c.Header)).ToList(),
            });
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
        // UTF-16 text (with its byte-order mark) has NUL bytes in every ASCII character; the importer reads it.
        var utf16 = n >= 2 && head[..2] is [0xFF, 0xFE] or [0xFE, 0xFF];
        return ext == ".xlsx" ? n >= 4 && head[..4] is [0x50, 0x4B, 0x03, 0x04] : utf16 || !head.AsSpan(0, n).Contains((byte)0);
    }

    private static RowError Row(ImportError e) => new(e.File, e.Row, e.Column, e.Message);

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: detail);

    private static ProblemHttpResult TooLarge(long max) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        detail: $"Filen är större än gränsen {max / 1024 / 1024} MB.");
}
