using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>
/// A lock-box directive: the parts of the record withheld, from every recipient in <c>roles</c> and from each
/// recipient named in <c>recipientIds</c> (user or organization ids). At least one role or id.
/// </summary>
internal sealed record WithholdInformationRequest(
    [property: WireEnum<RecordPart>] IReadOnlyList<string?>? Parts,
    [property: WireEnum<RecipientRole>] IReadOnlyList<string?>? Roles = null,
    IReadOnlyList<string?>? RecipientIds = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.WithholdInformation;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var parts = validation.Enums<RecordPart>(Parts, "parts");
        var roles = validation.Enums<RecipientRole>(Roles, "roles", required: false);
        var ids = RecipientIds is { Count: > 0 } ? Identifiers(RecipientIds, validation) : [];
        if (roles.IsEmpty && ids.IsEmpty)
        {
            validation.Add("roles", "Name at least one role, or at least one recipient in recipientIds.");
        }

        return new WithholdInformation(parts, roles, ids) { CommandId = metadata.CommandId, Actor = metadata.Actor };
    }

    private static ImmutableArray<string> Identifiers(IReadOnlyList<string?> values, RequestValidation validation)
    {
        if (values.Count > RequestValidation.MaxItems)
        {
            validation.Add("recipientIds", $"At most {RequestValidation.MaxItems} recipients.");
            return [];
        }

        var ids = values.Select((id, i) => validation.Identifier(id, $"recipientIds[{i}]")).ToImmutableArray();
        if (ids.Distinct(StringComparer.OrdinalIgnoreCase).Count() != ids.Length)
        {
            validation.Add("recipientIds", "Each recipient once.");
        }

        return ids;
    }
}
