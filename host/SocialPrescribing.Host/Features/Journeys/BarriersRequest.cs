using System.Collections.Immutable;
using System.Globalization;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// <c>POST …/journeys/{id}/record-barriers</c>: the person's barriers and preferences, replacing those recorded before.
/// Every part is optional; an empty body records that nothing stands in the way.
/// </summary>
internal sealed record BarriersRequest(
    [property: WireEnum<AccessBarrier>] IReadOnlyList<string?>? Barriers = null,
    IReadOnlyList<string?>? Interests = null,
    IReadOnlyList<string?>? Languages = null,
    IReadOnlyList<AvailabilityRequest?>? Availability = null,
    int? MaxTravelMeters = null,
    double? Latitude = null,
    double? Longitude = null) : ICommandRequest
{
    public const int MaxInterests = 20;
    public const int MaxWindows = 28;
    public const int MinTravelMeters = 100;
    public const int MaxTravelMetersLimit = 500_000;

    public static string CommandName => JourneyCommandNames.RecordBarriers;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var barriers = validation.Enums<AccessBarrier>(Barriers, "barriers", required: false);
        var interests = Interests is null or { Count: 0 } ? [] : validation.Items(Interests, "interests", MaxInterests);
        var languages = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < (Languages?.Count ?? 0); i++)
        {
            var code = Languages![i]?.Trim().ToLowerInvariant();
            if (code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterLower))
            {
                languages.Add(code);
            }
            else
            {
                validation.Add($"languages[{i}]", "A language as an ISO 639 code, such as fr or cr.");
            }
        }

        if (languages.Distinct().Count() != languages.Count)
        {
            validation.Add("languages", "Each language once.");
        }

        var windows = ImmutableArray.CreateBuilder<AvailabilityWindow>();
        if (Availability is { Count: > MaxWindows })
        {
            validation.Add("availability", $"At most {MaxWindows} times.");
        }
        else
        {
            for (var i = 0; i < (Availability?.Count ?? 0); i++)
            {
                if (Availability![i]?.ToWindow(validation, $"availability[{i}]") is { } window)
                {
                    windows.Add(window);
                }
            }
        }

        if (MaxTravelMeters is { } meters && meters is < MinTravelMeters or > MaxTravelMetersLimit)
        {
            validation.Add("maxTravelMeters", $"Metres, from {MinTravelMeters:N0} to {MaxTravelMetersLimit:N0}.");
        }

        if (Latitude is null != Longitude is null)
        {
            validation.Add(Latitude is null ? "latitude" : "longitude", "Where the person starts from is a latitude and a longitude, both or neither.");
        }
        else if (Latitude is { } latitude && (!double.IsFinite(latitude) || Math.Abs(latitude) > 90))
        {
            validation.Add("latitude", "From -90 to 90.");
        }
        else if (Longitude is { } longitude && (!double.IsFinite(longitude) || Math.Abs(longitude) > 180))
        {
            validation.Add("longitude", "From -180 to 180.");
        }

        return new RecordBarriers(new BarriersAndPreferences(barriers, interests, languages.ToImmutable(), windows.ToImmutable(), MaxTravelMeters, Latitude, Longitude))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
    }
}

/// <summary>A time the person is free: a day (monday … sunday) and a span of it, as HH:mm.</summary>
internal sealed record AvailabilityRequest([property: WireEnum<Weekday>] string? Day, string? From, string? To)
{
    public AvailabilityWindow? ToWindow(RequestValidation validation, string field)
    {
        var known = WireNames.TryParse<Weekday>(Day, out _);
        var day = validation.Enum<Weekday>(Day, $"{field}.day");
        var from = Time(validation, From, $"{field}.from");
        var to = Time(validation, To, $"{field}.to");
        if (from is null || to is null)
        {
            return null;
        }

        if (to <= from)
        {
            validation.Add($"{field}.to", "Later than from, on the same day.");
            return null;
        }

        return !known ? null : new AvailabilityWindow(day, from.Value, to.Value);
    }

    private static TimeOnly? Time(RequestValidation validation, string? text, string field)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        validation.Add(field, text is null ? "Required; a time as HH:mm." : $"'{text}' is not a time as HH:mm.");
        return null;
    }
}

/// <summary>The person's barriers and preferences as the journey shows them.</summary>
internal sealed record BarriersResponse(
    IReadOnlyList<string> Barriers,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> Languages,
    IReadOnlyList<AvailabilityResponse> Availability,
    int? MaxTravelMeters,
    double? Latitude,
    double? Longitude,
    DateTimeOffset RecordedAt)
{
    public static BarriersResponse? From(BarriersAndPreferences? barriers, DateTimeOffset? recordedAt) =>
        barriers is null || recordedAt is null
            ? null
            : new BarriersResponse(
                [.. barriers.Barriers.Select(WireNames.Of)],
                barriers.Interests,
                barriers.Languages,
                [.. barriers.Availability.Select(a => new AvailabilityResponse(WireNames.Of(a.Day), a.From.ToString("HH:mm", CultureInfo.InvariantCulture), a.To.ToString("HH:mm", CultureInfo.InvariantCulture)))],
                barriers.MaxTravelMeters,
                barriers.Latitude,
                barriers.Longitude,
                recordedAt.Value);
}

internal sealed record AvailabilityResponse(string Day, string From, string To);
