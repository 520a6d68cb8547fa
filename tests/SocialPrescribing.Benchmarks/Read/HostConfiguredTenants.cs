using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// The tenants as the host about to read the data set configures them: read from the <c>Tenants</c> section of its
/// own <c>appsettings.json</c> (the settings the journey's decisions depend on: time zone, holidays, first-contact
/// business days, minimum contact attempts), so the generator's decisions are the ones the host would have taken.
/// </summary>
internal sealed class HostConfiguredTenants : ITenantDirectory
{
    private readonly Dictionary<TenantId, TenantSettings> _tenants = [];

    public HostConfiguredTenants(string hostAssembly)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Path.GetDirectoryName(hostAssembly)!, "appsettings.json"), optional: false)
            .Build();
        foreach (var section in configuration.GetSection("Tenants").GetChildren())
        {
            var id = TenantId.Parse(section.Key);
            _tenants[id] = new TenantSettings
            {
                Id = id,
                DisplayName = section["DisplayName"] ?? section.Key,
                TimeZone = TimeZoneInfo.FindSystemTimeZoneById(section["TimeZone"] ?? "UTC"),
                FirstContactSlaBusinessDays = section.GetValue("FirstContactSlaBusinessDays", 5),
                MinimumContactAttempts = section.GetValue("MinimumContactAttempts", 3),
                Holidays = [.. section.GetSection("Holidays").GetChildren().Select(h => DateOnly.Parse(h.Value!, CultureInfo.InvariantCulture))],
                ContactPoint = section["ContactPoint"],
                Supervisors = [.. section.GetSection("Supervisors").GetChildren().Select(s => new Supervisor(s["Id"]!, s["DisplayName"] ?? s["Id"]!, s["Email"]))],
            };
        }
    }

    public IReadOnlyCollection<TenantSettings> All => _tenants.Values;

    public bool TryGet(TenantId id, [NotNullWhen(true)] out TenantSettings? settings) => _tenants.TryGetValue(id, out settings);

    /// <summary>The supervisors of <paramref name="tenant"/>, as configured.</summary>
    public ImmutableArray<Supervisor> SupervisorsOf(TenantId tenant) => _tenants[tenant].Supervisors;
}
