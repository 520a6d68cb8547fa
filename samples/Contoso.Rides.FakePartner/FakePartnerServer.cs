using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Contoso.Rides.FakePartner;

/// <summary>
/// The fake partner on a loopback port the operating system picks, for tests: its base URL, and its state to
/// set each account's behaviour and to look at the bookings made.
/// </summary>
internal sealed class FakePartnerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePartnerServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = app.Services.GetRequiredService<FakePartnerState>();
    }

    public Uri BaseUrl { get; }

    public FakePartnerState State { get; }

    /// <summary>Starts a fake that accepts <paramref name="apiKeys"/>, whose slow answers take <paramref name="slowDelay"/>.</summary>
    public static async Task<FakePartnerServer> StartAsync(IReadOnlyList<string> apiKeys, TimeSpan slowDelay, CancellationToken cancellationToken)
    {
        var builder = FakePartnerApp.CreateBuilder([]);
        // Nothing from the working folder or the environment: the test says everything.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<FakePartnerOptions>(options =>
        {
            options.ApiKeys = [.. apiKeys];
            options.SlowDelay = slowDelay;
        });

        var app = builder.Build();
        app.MapFakePartner();
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new FakePartnerServer(app, new Uri(address + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
