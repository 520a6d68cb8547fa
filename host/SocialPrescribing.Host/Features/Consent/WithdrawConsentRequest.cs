using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>The consents the person withdraws: <c>referrer-sharing</c>, <c>contact</c>, <c>research</c>.</summary>
internal sealed record WithdrawConsentRequest([property: WireEnum<ConsentScope>] IReadOnlyList<string?>? Scopes) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.WithdrawConsent;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new WithdrawConsent(validation.Enums<ConsentScope>(Scopes, "scopes")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
