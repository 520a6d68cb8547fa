using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The real host in-process: Orleans silo, Hangfire server and SQLite in a temporary folder, with a
/// clock the test moves. Give two factories the same <see cref="DataDirectory"/> to model a restart.
/// </summary>
public sealed class JourneyHostFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly Action<IServiceCollection>? _services;

    public JourneyHostFactory(
        string? dataDirectory = null,
        FakeTimeProvider? time = null,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = settings ?? new Dictionary<string, string>();
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "sp-host-" + Guid.NewGuid().ToString("N"));
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>A client whose requests carry a token for the tenant they address (see <see cref="TenantTokenHandler"/>).</summary>
    public HttpClient CreateAuthenticatedClient() => CreateDefaultClient(new TenantTokenHandler(DataDirectory));

    /// <summary>A request with a token for <paramref name="subject"/> holding <paramref name="roles"/> in <paramref name="tenant"/>, and a JSON body when given.</summary>
    public async Task<HttpResponseMessage> SendAsAsync(
        HttpMethod method, string path, string subject, IEnumerable<string> roles, object? body = null, string tenant = Api.Tenant)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(DataDirectory, tenant, subject, roles));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var http = CreateClient();
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:SchedulePollingInterval", "00:00:01");
        builder.UseSetting("Jobs:ShutdownTimeout", "00:00:01");
        builder.UseSetting("Api:MaxRequestBodyBytes", "16384");
        // Tests send referrals far faster than any clinic; the limit itself is tested with its own low setting.
        builder.UseSetting("Edge:ReferralsPerMinute", "1000000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // On two cores shared by a whole parallel suite, a host's orderly stop can be slow; slow must not fail a test.
            services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMinutes(1));
            _services?.Invoke(services);
        });
    }
}
