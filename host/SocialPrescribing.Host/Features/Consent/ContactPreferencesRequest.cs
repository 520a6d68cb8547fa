using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>How the person wants to be contacted: channels and times of day (none listed means no preference), or not at all.</summary>
internal sealed record ContactPreferencesRequest(
    [property: WireEnum<ContactChannel>] IReadOnlyList<string?>? Channels = null,
    [property: WireEnum<DayPart>] IReadOnlyList<string?>? Times = null,
    bool? DoNotContact = null)
{
    public ContactPreferences ToPreferences(RequestValidation validation) => new(
        validation.Enums<ContactChannel>(Channels, "contact.channels", required: false),
        validation.Enums<DayPart>(Times, "contact.times", required: false),
        DoNotContact ?? false);
}
