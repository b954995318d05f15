using System.Text;
using System.Text.Json;
using StatsReporting.Decisions;

namespace StatsReporting.Bevakning;

/// The list as text for the terminal and as JSON with exactly the issue's keys (dates ISO).
public static class BevakningOutput
{
    public static string Json(BevakningList list)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("today", IsoDate.Format(list.Today));
            w.WriteNumber("days", list.Days);
            Items(w, "snart", "dagar_kvar", list.Snart);
            Items(w, "sena", "dagar_sena", list.Sena);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Items(Utf8JsonWriter w, string name, string daysKey, IReadOnlyList<BevakningItem> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("beslut_id", i.BeslutId);
            w.WriteString("lag", i.Lag.ToString());
            w.WriteString("verksamhet", i.Verksamhet);
            w.WriteString("insats", i.Insats);
            w.WriteString("enhet", i.Enhet);
            w.WriteString("klockstart", IsoDate.Format(i.Klockstart));
            w.WriteString("sista_dag", IsoDate.Format(i.SistaDag));
            w.WriteNumber(daysKey, i.Dagar);
            w.WriteString("orsak", i.Orsak);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static IReadOnlyList<string> Lines(BevakningList list)
    {
        var lines = new List<string>
        {
            $"Bevakningslista {IsoDate.Format(list.Today)}: beslut som når tre månader inom {list.Days} dagar",
            list.Snart.Count == 0 ? "  Inga." : $"  {"dagar kvar",10}  {"sista dag",-10}  {"beslut-id",-14} lag  insats",
        };
        lines.AddRange(list.Snart.Select(i => $"  {i.Dagar,10}  {IsoDate.Format(i.SistaDag),-10}  {i.BeslutId,-14} {Describe(i)}"));
        lines.Add("");
        lines.Add("Redan försenade, ännu inte med i någon rapport (kommer med i nästa kvartalsrapport)");
        lines.Add(list.Sena.Count == 0 ? "  Inga." : $"  {"dagar sena",10}  {"sista dag",-10}  {"beslut-id",-14} lag  insats");
        lines.AddRange(list.Sena.Select(i => $"  {i.Dagar,10}  {IsoDate.Format(i.SistaDag),-10}  {i.BeslutId,-14} {Describe(i)}"));
        lines.Add("");
        lines.Add($"Totalt: {list.Snart.Count} beslut närmar sig tre månader, {list.Sena.Count} är redan försenade.");
        return lines;
    }

    private static string Describe(BevakningItem i) =>
        $"{i.Lag,-4} {i.Insats}{(i.Verksamhet is null ? "" : $" ({i.Verksamhet})")}{(i.Enhet is null ? "" : $", {i.Enhet}")}"
        + $"; klockstart {IsoDate.Format(i.Klockstart)} ({i.KlockstartAv}){(i.Orsak is null ? "" : $"; orsak: {i.Orsak}")}";
}
