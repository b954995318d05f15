using System.Net.Http.Headers;

namespace StatsReporting.Web.Tests.Support;

public static class Uploads
{
    /// A multipart form with the file in the field "fil", as the page's upload form sends it.
    public static MultipartFormDataContent Form(string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/octet-stream" : "text/csv");
        return new MultipartFormDataContent { { file, "fil", fileName } };
    }

    public static string Sha(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
