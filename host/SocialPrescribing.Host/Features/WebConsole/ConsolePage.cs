using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// What a console page knows of the request it renders: who asks (the caller of the access token behind the
/// session), their tenant, the time now, and how to write times in the tenant's zone and the page's language.
/// </summary>
internal sealed class ConsolePage(IHttpContextAccessor accessor, ITenantDirectory tenants, TimeProvider time, IRoleHolders people)
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("A console page renders only within a request.");

    /// <summary>The signed-in caller, or null on the pages open to anyone.</summary>
    public Caller? Caller => Http.GetCaller();

    public Caller RequiredCaller => Caller ?? throw new InvalidOperationException("A console page that acts for someone was reached without a session.");

    public TenantSettings? Tenant => Caller is { } caller && tenants.TryGet(caller.Tenant, out var settings) ? settings : null;

    public CancellationToken Aborted => Http.RequestAborted;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Finds the names people of the tenant go by, for <see cref="NameOf"/>: screens show the link worker's name, never
    /// their sign-in name.
    /// </summary>
    public async Task LoadNamesAsync(IEnumerable<string> ids)
    {
        if (Caller is not { } caller)
        {
            return;
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(id => !_names.ContainsKey(id)))
        {
            _names[id] = await people.DisplayNameOfAsync(caller.Tenant, id, Aborted) ?? id;
        }
    }

    /// <summary>The name <paramref name="id"/> goes by (loaded by <see cref="LoadNamesAsync"/>), else the id itself (a system, a former account).</summary>
    public string NameOf(string id) => _names.TryGetValue(id, out var name) ? name : id;

    /// <summary>An instant in the tenant's time zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Tenant?.TimeZone ?? TimeZoneInfo.Utc);

    /// <summary>Today in the tenant's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Local(Now).DateTime);

    /// <summary>A date and time as the page's language writes it, in the tenant's time zone.</summary>
    public string DateTime(DateTimeOffset at) => Local(at).ToString(Patterns.Date + " " + Patterns.Time, CultureInfo.CurrentCulture);

    public string DateTime(DateTimeOffset? at) => at is { } value ? DateTime(value) : "—";

    public string Date(DateTimeOffset at) => Local(at).ToString(Patterns.Date, CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString(Patterns.Date, CultureInfo.CurrentCulture);

    /// <summary>Dates no reader can misread (12 Mar, not 3/12 or 12/3): the month in words, as each language writes it.</summary>
    private static (string Date, string Time) Patterns =>
        ConsoleLanguage.Current.Lang == "fr" ? ("d MMM yyyy", "HH 'h' mm") : ("MMM d, yyyy", "h:mm tt");

    /// <summary>The start of a day (<c>yyyy-MM-dd</c>, as date fields send it) in the tenant's zone; null when it is not a date.</summary>
    public DateTimeOffset? StartOf(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? StartOf(date) : null;

    /// <summary>The start of <paramref name="day"/> in the tenant's zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, (Tenant?.TimeZone ?? TimeZoneInfo.Utc).GetUtcOffset(start));
    }

    /// <summary>An ISO timestamp for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Machine(DateTimeOffset at) => at.ToString("o", CultureInfo.InvariantCulture);

    /// <summary>Whole days from <paramref name="at"/> to now in the tenant's calendar.</summary>
    public int DaysSince(DateTimeOffset at) => Today.DayNumber - DateOnly.FromDateTime(Local(at).DateTime).DayNumber;

    /// <summary>This page's address with one query parameter set (or removed when <paramref name="value"/> is null).</summary>
    public string WithQuery(string name, string? value)
    {
        var query = QueryHelpers.ParseQuery(Http.Request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, name, StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (value is not null)
        {
            query.Add(new(name, value));
        }

        return Http.Request.PathBase + Http.Request.Path + QueryString.Create(query);
    }
}
