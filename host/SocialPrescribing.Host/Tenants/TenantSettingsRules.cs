using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Tenants;

/// <summary>
/// The rules a tenant's settings must meet, whether they come from configuration at start-up or from an operator while
/// the host runs: one place, so a setting refused at start is refused at run time with the same words.
/// </summary>
internal static class TenantSettingsRules
{
    /// <summary>
    /// The tenant's settings, or null with every problem added to <paramref name="errors"/>, each naming its key the way
    /// configuration does (<c>Tenants:&lt;id&gt;:TimeZone …</c>).
    /// </summary>
    public static TenantSettings? TryBuild(string key, TenantOptions value, List<string> errors)
    {
        var before = errors.Count;
        if (!TenantId.TryParse(key, out var id))
        {
            errors.Add($"Tenants:{key}: a tenant id is 2 to 32 characters of a-z, 0-9 and '-'.");
        }

        if (string.IsNullOrWhiteSpace(value.DisplayName))
        {
            errors.Add($"Tenants:{key}:DisplayName is required.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone, out var zone))
        {
            errors.Add($"Tenants:{key}:TimeZone '{value.TimeZone}' is not a known time zone (use an IANA name such as America/Edmonton).");
        }

        if (value.FirstContactSlaBusinessDays is < 1 or > 60)
        {
            errors.Add($"Tenants:{key}:FirstContactSlaBusinessDays must be between 1 and 60.");
        }

        if (value.PartnerResponseBusinessDays is < 1 or > 60)
        {
            errors.Add($"Tenants:{key}:PartnerResponseBusinessDays must be between 1 and 60.");
        }

        if (!Cronos.CronExpression.TryParse(value.DirectoryFeedSchedule, Cronos.CronFormat.Standard, out _))
        {
            errors.Add($"Tenants:{key}:DirectoryFeedSchedule '{value.DirectoryFeedSchedule}' is not a five-field cron expression (like \"0 3 * * *\").");
        }

        if (value.MinimumContactAttempts is < 1 or > 20)
        {
            errors.Add($"Tenants:{key}:MinimumContactAttempts must be between 1 and 20.");
        }

        if (value.AuditRetentionYears is < 1 or > 100)
        {
            errors.Add($"Tenants:{key}:AuditRetentionYears must be between 1 and 100.");
        }

        foreach (var (name, weight) in value.Matching.Weights)
        {
            if (!double.IsFinite(weight) || weight is < 0 or > MatchingSettings.MaxWeight)
            {
                errors.Add($"Tenants:{key}:Matching:{name} must be between 0 and {MatchingSettings.MaxWeight}.");
            }
        }

        if (value.Matching.DefaultMaxTravelMeters is < 500 or > 500_000)
        {
            errors.Add($"Tenants:{key}:Matching:DefaultMaxTravelMeters must be between 500 and 500000.");
        }

        if (value.Matching.WalkingMeters is < 100 or > 10_000)
        {
            errors.Add($"Tenants:{key}:Matching:WalkingMeters must be between 100 and 10000.");
        }

        for (var i = 0; i < value.Supervisors.Count; i++)
        {
            var supervisor = value.Supervisors[i];
            if (string.IsNullOrWhiteSpace(supervisor.Id) || supervisor.Id.Length > 100 || supervisor.Id.Any(char.IsWhiteSpace))
            {
                errors.Add($"Tenants:{key}:Supervisors:{i}:Id is required: the supervisor's user id, without spaces.");
            }

            if (string.IsNullOrWhiteSpace(supervisor.DisplayName))
            {
                errors.Add($"Tenants:{key}:Supervisors:{i}:DisplayName is required.");
            }
        }

        if (value.Supervisors.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add($"Tenants:{key}:Supervisors names '{duplicate.Key}' more than once.");
        }

        return errors.Count > before
            ? null
            : new TenantSettings
            {
                Id = id,
                DisplayName = value.DisplayName,
                TimeZone = zone!,
                FirstContactSlaBusinessDays = value.FirstContactSlaBusinessDays,
                PartnerResponseBusinessDays = value.PartnerResponseBusinessDays,
                DirectoryFeedSchedule = value.DirectoryFeedSchedule,
                MinimumContactAttempts = value.MinimumContactAttempts,
                AuditRetentionYears = value.AuditRetentionYears,
                Holidays = [.. value.Holidays],
                ContactPoint = value.ContactPoint,
                Matching = value.Matching.ToSettings(),
                PublicDirectory = value.PublicDirectory,
                Supervisors = [.. value.Supervisors.Select(s => new Supervisor(s.Id, s.DisplayName.Trim(), string.IsNullOrWhiteSpace(s.Email) ? null : s.Email.Trim()))],
            };
    }

    /// <summary>The key a message of <see cref="TryBuild"/> names, after <c>Tenants:&lt;id&gt;:</c> (<c>TimeZone</c>, <c>Supervisors:0:Id</c>), or null.</summary>
    public static string? KeyOf(string key, string message)
    {
        var prefix = $"Tenants:{key}:";
        if (!message.StartsWith(prefix, StringComparison.Ordinal) || message.Length == prefix.Length || message[prefix.Length] == ' ')
        {
            return null;
        }

        var rest = message[prefix.Length..];
        var end = rest.IndexOf(' ', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }
}
