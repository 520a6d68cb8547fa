using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Application.Access;

/// <summary>
/// Which recipient a caller reading the program's own views of a journey is to the person's lock-box directives: a
/// link worker, a supervisor, or both (a part withheld from either is withheld), by their user id and their client
/// application's id. Directives for referrers and community partners bind their own views (the referral status, the
/// partner's referral), not a clinician who also happens to hold one of those roles. The host's own jobs see everything.
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
        // A caller in neither role (no clinical view lets one in) is still named by their ids, as strictly as a referrer.
        return Disclosure.To(state, recipients.Count > 0 ? recipients : [Recipient.Of(RecipientRole.Referrer, ids)]);
    }

    private static RecipientRole? RecipientRoleOf(string role) => role switch
    {
        AccessRoles.LinkWorker => RecipientRole.LinkWorker,
        AccessRoles.Supervisor => RecipientRole.Supervisor,
        _ => null,
    };
}
