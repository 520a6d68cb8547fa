using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Application.Access;

/// <summary>
/// Which recipient a caller is to the person's lock-box directives: one per role they hold that a directive can name
/// (link worker, supervisor, referrer, community partner), each by their user id and their client application's id.
/// A part withheld from any of them is withheld from the caller. The host's own jobs see everything.
/// </summary>
public static class JourneyDisclosure
{
    public static Disclosure Of(Caller caller, JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(state);
        if (caller.IsSystem || state.WithholdingDirectives.IsEmpty)
        {
            return Disclosure.Everything;
        }

        string[] ids = caller.Client is { } client ? [caller.Id, client] : [caller.Id];
        var recipients = caller.Roles
            .Select(RecipientRoleOf)
            .OfType<RecipientRole>()
            .Distinct()
            .Select(role => Recipient.Of(role, ids))
            .ToList();
        // A caller in no role a directive can name is still named by their ids.
        return Disclosure.To(state, recipients.Count > 0 ? recipients : [Recipient.Of(RecipientRole.Referrer, ids)]);
    }

    private static RecipientRole? RecipientRoleOf(string role) => role switch
    {
        AccessRoles.LinkWorker => RecipientRole.LinkWorker,
        AccessRoles.Supervisor => RecipientRole.Supervisor,
        AccessRoles.Referrer => RecipientRole.Referrer,
        AccessRoles.CommunityPartner => RecipientRole.CommunityPartner,
        _ => null,
    };
}
