using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// A tenant admin invites a person, whichever door they use (the API, the console): a new account is made disabled
/// until the person accepts, and the link goes to them through the link sender, never back to the admin; an existing
/// account only gets the roles in this tenant. Every role but operator may be granted.
/// </summary>
internal sealed class TenantInvitations(UserDirectory directory, AccountLinks links)
{
    /// <summary>The invitation, or the field at fault (userName, displayName, roles, language).</summary>
    public async Task<(InvitationResponse? Invited, FieldProblem? Problem)> InviteAsync(
        TenantId tenant, string? userName, string? displayName, IReadOnlyList<string>? roles, string? language, CancellationToken cancellationToken)
    {
        if (language is not null && language != PageText.English.Lang && language != PageText.French.Lang)
        {
            return (null, new FieldProblem("language", "en or fr."));
        }

        var invitation = await directory.InviteAsync(tenant, userName ?? string.Empty, displayName ?? string.Empty, roles ?? [], AccessRoles.TenantGrantable, cancellationToken);
        if (invitation.Problem is { } wrong)
        {
            return (null, wrong);
        }

        var user = invitation.User!;
        var held = (await directory.TenantsOfAsync(user, cancellationToken))[tenant.Value];
        if (invitation.Code is not { } code)
        {
            return (new InvitationResponse(user.UserName!, user.DisplayName, held, Invited: false, ExpiresAt: null), null);
        }

        var link = await links.SendAsync(AccountLinkKind.Invitation, user, tenant.Value, code, language ?? PageText.English.Lang, cancellationToken);
        return (new InvitationResponse(user.UserName!, user.DisplayName, held, Invited: true, link.ExpiresAt), null);
    }
}
