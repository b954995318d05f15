using StatsReporting.Web.Auth;
using StatsReporting.Web.Endpoints;
using StatsReporting.Web.Hosting;
using StatsReporting.Web.Jobs;
using StatsReporting.Web.Nodes;
using StatsReporting.Web.Page;

// The long-running service of spec §7: the page, downloads, uploads and the scheduled quarterly job, around the
// same core as the CLI. This file only wires; each feature brings its own Add/Map pair.
var builder = WebApplication.CreateBuilder(args);
builder.AddCore();
builder.AddProxy();
builder.AddRequestLog();
builder.AddProblems();
builder.AddAccess();
builder.AddAccessLog();
builder.AddSharedKeyRing();
builder.AddReports();
builder.AddImports();
builder.AddScheduler();
builder.AddBevakning();
builder.AddListening();

var app = builder.Build();
app.UseNodeRole();
app.UseSharedKeyRing();
app.UseProxy();
app.UseRequestLog();
app.UseSecurityHeaders();
app.UseProblems();
app.UsePage();
app.UseAccess();
app.UseSharedOutputs();
app.MapLogin();
app.MapPageTexts();
app.MapReports();
app.MapImports();
app.MapRuns();
app.MapHealth();
app.MapBevakning();
app.MapLogg();
app.MapScheduler();
app.RunOrExplain();

/// Public for WebApplicationFactory<Program> in the tests.
public partial class Program;
