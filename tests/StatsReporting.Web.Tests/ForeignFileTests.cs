using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StatsReporting.Access;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Issue 11, what the open-handle check alone let through: a HARD link under reports/ is the individrapport under a
/// second name (its /proc/self/fd path is the link's own), and a FIFO swapped in would hold a request open for ever.
/// Only a regular file with one link is listed or served.
[Collection("Service")]
public class ForeignFileTests(ServiceHost host)
{
    [Fact]
    public async Task A_hard_link_to_the_individrapport_placed_under_reports_is_neither_listed_nor_served()
    {
        var path = host.Data.FindingsPath;
        var aside = path + ".original";
        File.Move(path, aside);
        try
        {
            Run("ln", host.Data.IvoPath, path); // same file system: reports/ and the IVO folder lie in one temp folder
            using var controller = host.As(Role.Controller);
            using var response = await controller.GetAsync("/api/periods/2025Q2/findings");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("PK", await response.Content.ReadAsStringAsync()); // no byte of the zip package
            var listed = JsonDocument.Parse(await controller.GetStringAsync("/api/periods")).RootElement
                .EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2025Q2");
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("findings").ValueKind);
        }
        finally
        {
            File.Delete(path);
            File.Move(aside, path);
        }
        using var again = host.As(Role.Controller);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/periods/2025Q2/findings")).StatusCode);
    }

    [Fact]
    public async Task A_fifo_swapped_in_under_reports_is_a_404_at_once_instead_of_a_request_that_never_ends()
    {
        var path = host.Data.FindingsPath;
        var aside = path + ".original-fifo";
        File.Move(path, aside);
        try
        {
            Run("mkfifo", path);
            using var controller = host.As(Role.Controller);
            controller.Timeout = TimeSpan.FromSeconds(10);
            var watch = Stopwatch.StartNew();
            using var response = await controller.GetAsync("/api/periods/2025Q2/findings");
            watch.Stop();
            Console.WriteLine($"FIFO i reports/: {(int)response.StatusCode} efter {watch.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.True(watch.ElapsedMilliseconds < 2000, $"{watch.ElapsedMilliseconds} ms");
        }
        finally
        {
            File.Delete(path);
            File.Move(aside, path);
        }
    }

    private static void Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file}: {err}");
    }
}
