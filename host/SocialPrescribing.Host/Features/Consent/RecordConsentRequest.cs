using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>
/// What the person agrees to, stated whole: it replaces any consent recorded before. Sharing with the referrer and
/// research use must be said; contact preferences left out mean no preference.
/// </summary>
internal sealed record RecordConsentRequest(
    [property: WireEnum<ReferrerSharing>] string? ReferrerSharing,
    bool? ResearchUse,
    ContactPreferencesRequest? Contact = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RecordConsent;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var sharing = validation.Enum<ReferrerSharing>(ReferrerSharing, "referrerSharing");
        if (ResearchUse is null)
        {
            validation.Add("researchUse", "Required; true or false.");
        }

        return new RecordConsent(new ConsentChoices(sharing, Contact?.ToPreferences(validation) ?? ContactPreferences.Any, ResearchUse ?? false))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
    }
}
