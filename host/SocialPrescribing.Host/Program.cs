using SocialPrescribing.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddTenants();
builder.AddJourneyStorage();
builder.AddJourneyActors();
builder.AddBackgroundJobs();
builder.AddJourneyDocuments();
builder.AddJourneyApi();

var app = builder.Build();

app.UseJourneyApi();
app.MapJourneyApi();

app.Run();

/// <summary>The host's entry point, visible to functional tests.</summary>
public partial class Program;
