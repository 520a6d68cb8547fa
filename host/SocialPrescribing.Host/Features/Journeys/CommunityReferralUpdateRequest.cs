using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record CommunityReferralUpdateRequest(string? CommunityReferralId, [property: WireEnum<CommunityReferralStatus>] string? Status) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.UpdateCommunityReferral;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new UpdateCommunityReferral(
            validation.Id(CommunityReferralId, "communityReferralId"),
            validation.Enum<CommunityReferralStatus>(Status, "status"))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
}
