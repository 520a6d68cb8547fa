using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.ApiReference;
using SocialPrescribing.Host.Features.Assessments;
using SocialPrescribing.Host.Features.Audit;
using SocialPrescribing.Host.Features.Caseloads;
using SocialPrescribing.Host.Features.CommunityDirectory;
using SocialPrescribing.Host.Features.Consent;
using SocialPrescribing.Host.Features.WebConsole;
using SocialPrescribing.Host.Features.Documents;
using SocialPrescribing.Host.Features.Edge;
using SocialPrescribing.Host.Features.Federation;
using SocialPrescribing.Host.Features.Health;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Features.Matching;
using SocialPrescribing.Host.Features.Partners;
using SocialPrescribing.Host.Features.Plugins;
using SocialPrescribing.Host.Features.Reports;
using SocialPrescribing.Host.Features.SafetyAlerts;
using SocialPrescribing.Host.Features.SignIn;
using SocialPrescribing.Host.Features.Tenants;
using SocialPrescribing.Host.Features.Training;
using SocialPrescribing.Host.Features.Transport;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Host.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddInstalledSettings();
builder.AddClock();
builder.AddTelemetry();
builder.AddTenants();
builder.AddJourneyStorage();
builder.AddTenantProvisioning();
builder.AddJourneyActors();
builder.AddBackgroundJobs();
builder.AddJourneyDocuments();
builder.AddPlugins();
builder.AddHttpApi();
builder.AddAccess();
builder.AddAudit();
builder.AddSignIn();
builder.AddFederation();
builder.AddEdge();
builder.AddApiReference();
builder.AddHealth();
builder.AddJourneys();
builder.AddMatching();
builder.AddTransport();
builder.AddAssessments();
builder.AddTraining();
builder.AddReports();
builder.AddConsole();

var app = builder.Build();
if (await app.TryRunCommandAsync(args))
{
    return;
}

app.UseEdge();
app.UseHttpApi();
app.UseConsoleLanguage();
app.UseAccess();
app.UseConsole();
app.MapAccess();
app.MapSignIn();
app.MapFederation();
app.MapApiReference();
app.MapHealth();
app.MapJobsDashboard(app.Configuration);
app.MapTenantApi()
    .MapJourneys()
    .MapConsent()
    .MapCaseloads()
    .MapDocuments()
    .MapAssessments()
    .MapSafetyAlerts()
    .MapReports()
    .MapAudit()
    .MapTransport()
    .MapTraining()
    .MapDirectory()
    .MapMatches()
    .MapPartners()
    .MapInvitations();
app.MapPlugins();
app.MapTenants();
app.MapConsole();

await app.RunAsync();

/// <summary>The host's entry point, visible to functional tests.</summary>
public partial class Program;
