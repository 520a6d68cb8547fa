using Contoso.Rides.FakePartner;

// dotnet run --project samples/Contoso.Rides.FakePartner [--urls http://127.0.0.1:5090]
//   [--FakePartner:ApiKeys:0 demo-key-ab] [--FakePartner:Behaviour Slow] [--FakePartner:SlowDelay 00:00:30]
var builder = FakePartnerApp.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(FakePartnerApp.DefaultUrl);
}

var app = builder.Build();
app.MapFakePartner();
await app.RunAsync();
