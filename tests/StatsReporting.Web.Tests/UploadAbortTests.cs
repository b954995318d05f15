using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StatsReporting.Web.Tests.Support;

namespace StatsReporting.Web.Tests;

/// Issue 10, "stop reading when the web request is aborted", end to end against the real `serve`: a client sends the
/// headers of a large upload and part of its body over a raw socket, then resets the connection. The service stops
/// reading at once (its request log line comes within seconds), stores nothing, and goes on serving.
public class UploadAbortTests : IDisposable
{
    private readonly ServiceData _data = new();
    private ServedPage? _served;

    [Fact]
    public async Task An_upload_aborted_mid_body_stops_the_reading_stores_nothing_and_the_service_goes_on()
    {
        _served = new ServedPage(_data.Dir, _data.Db.Path, _data.Reports, _data.Ivo, _data.Inbox);
        var key = await _served.Key("admin", "Avbrottstest");
        await _served.Start();
        var before = Uploads.Sha(_data.Db.Path);
        var url = new Uri(_served.BaseUrl);

        // 15 MB announced (under Web:MaxUploadBytes, 20 MB), 2 MB of it sent: valid decision rows, never finished.
        var rows = new StringBuilder("beslut_id;person_id;kon;lag;verksamhet;insats;enhet;beslutsdatum;avbrottsdatum;verkstallt_datum;avslutat_datum;orsak;kommentar\r\n");
        for (var i = 0; rows.Length < 2 * 1024 * 1024; i++)
            rows.Append($"AVBRUTEN-{i};19400101-T{i % 1000:000};M;SoL;ÄO;Särskilt boende;;2024-07-27;;;;;\r\n");
        var part = Encoding.UTF8.GetBytes("--grans\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"avbruten.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n" + rows);
        var head = Encoding.ASCII.GetBytes($"POST /api/imports HTTP/1.1\r\nHost: {url.Authority}\r\nX-Api-Key: {key}\r\n"
            + $"Content-Type: multipart/form-data; boundary=grans\r\nContent-Length: {15 * 1024 * 1024}\r\n\r\n");
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(IPAddress.Loopback, url.Port);
            await socket.SendAsync(head);
            await socket.SendAsync(part);
            await Task.Delay(300); // the server is now inside the body, waiting for the rest
            socket.LingerState = new LingerOption(true, 0); // close with a reset, as a client that goes away does
        }
        var watch = Stopwatch.StartNew();
        while (!_served.Output.Contains("POST /api/imports → ") && watch.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
        watch.Stop();
        var line = _served.Output.Split('\n').FirstOrDefault(l => l.Contains("POST /api/imports → "))?.Trim();
        Console.WriteLine($"Avbruten uppladdning (2 av 15 MB skickade): tjänsten slutade läsa efter {watch.ElapsedMilliseconds} ms: {line}");

        Assert.True(line is not null, $"ingen loggrad för anropet inom 20 s:\n{_served.Output}");
        Assert.True(watch.ElapsedMilliseconds < 5000, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(before, Uploads.Sha(_data.Db.Path)); // byte for byte: nothing stored, no import row
        using (var c = _data.Db.Open())
            Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM imports WHERE file_name = 'avbruten.csv'"));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{_served.BaseUrl}/healthz")).StatusCode);
    }

    public void Dispose()
    {
        _served?.Dispose();
        _data.Dispose();
    }
}
