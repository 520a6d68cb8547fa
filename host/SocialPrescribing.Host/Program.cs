using SocialPrescribing.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddInstalledSettings();
builder.AddTenants();
builder.AddJourneyStorage();
builder.AddJourneyActors();
builder.AddBackgroundJobs();
builder.AddJourneyDocuments();
builder.AddPlugins();
builder.AddJourneyApi();

var app = builder.Build();
if (await app.TryRunCommandAsync(args))
{
    return;
}

app.UseJourneyApi();
app.MapJourneyApi();
app.MapPluginApi();

await app.RunAsync();

/// <summary>The host's entry point, visible to functional tests.</summary>
public partial class Program;
