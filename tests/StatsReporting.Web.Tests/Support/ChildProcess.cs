using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StatsReporting.Web.Tests.Support;

/// A program run as its own process, as a person would start it; what it prints is kept for the failure message.
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public ChildProcess(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// The CLI as built beside the tests: `dotnet statsreporting.dll <args>`.
    public static string[] Cli(params string[] args) => [Path.Combine(AppContext.BaseDirectory, "statsreporting.dll"), .. args];

    /// Runs to the end and returns its standard output; fails with everything it printed when it exits non-zero.
    public static async Task<string> Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IDictionary<string, string>? env = null)
    {
        using var p = new ChildProcess(file, args, workingDirectory, env);
        using var cts = new CancellationTokenSource(timeout);
        try { await p._process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"{file} blev inte klar inom {timeout}:\n{p.Output}"); }
        p._process.WaitForExit(); // the last lines of output
        if (p._process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} gav {p._process.ExitCode}:\n{p.Output}");
        lock (p._stdout) return p._stdout.ToString();
    }

    public bool HasExited => _process.HasExited;

    /// SIGKILL, as a machine that loses power: no shutdown of any kind runs in the program.
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// Waits for the program to end by itself and gives its exit code.
    public async Task<int> Exit(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"Programmet avslutades inte inom {timeout}:\n{Output}"); }
        _process.WaitForExit(); // the last lines of output
        return _process.ExitCode;
    }

    public string Output { get { lock (_stdout) lock (_stderr) return $"{_stdout}\n{_stderr}"; } }

    /// Waits until a started `serve` answers /healthz; fails with its output if it ended or stayed silent for 60 s.
    public async Task WaitUntilUp(string baseUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (HasExited) throw new InvalidOperationException($"statsreporting serve avslutades:\n{Output}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) { } // listening, but the first answer took over 5 s (a loaded machine): ask again
            await Task.Delay(100);
        }
        throw new TimeoutException($"statsreporting serve svarade inte på {baseUrl}/healthz inom 60 s:\n{Output}");
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
