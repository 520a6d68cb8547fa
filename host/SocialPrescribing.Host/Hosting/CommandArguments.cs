using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Host.Hosting;

/// <summary>The <c>--name value</c> options of a host command; a missing or malformed required one is an <see cref="ArgumentException"/> (usage, exit 2).</summary>
internal sealed class CommandArguments(string[] args)
{
    public string? Optional(string option) =>
        Array.IndexOf(args, option) is var at and >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;

    /// <summary>Every value of an option given more than once (<c>--redirect-uri a --redirect-uri b</c>).</summary>
    public IReadOnlyList<string> All(string option) =>
        [.. args.Select((arg, at) => (arg, at)).Where(a => a.arg == option && a.at + 1 < args.Length && !args[a.at + 1].StartsWith("--", StringComparison.Ordinal)).Select(a => args[a.at + 1])];

    public string Required(string option) => Optional(option) ?? throw new ArgumentException($"{option} is required.");

    public TenantId Tenant() =>
        TenantId.TryParse(Required("--tenant"), out var tenant) ? tenant : throw new ArgumentException("--tenant: 2 to 32 characters of a-z, 0-9 and '-'.");

    public TenantId? OptionalTenant() => Optional("--tenant") is null ? null : Tenant();
}
