namespace Contoso.Rides.FakePartner;

/// <summary>
/// <c>dotnet run --project samples/Contoso.Rides.FakePartner [--urls http://127.0.0.1:5090]
/// [--FakePartner:ApiKeys:0 demo-key-ab] [--FakePartner:Behaviour Slow] [--FakePartner:SlowDelay 00:00:30]</c>
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = FakePartnerApp.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(FakePartnerApp.DefaultUrl);
        }

        await using var app = builder.Build();
        app.MapFakePartner();
        await app.RunAsync();
    }
}
