using Microsoft.Extensions.Options;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// <c>POST /api/v1/tenants/{tenant}/invitations</c>: a tenant admin invites a person. A new account is made disabled
/// until the person accepts (chooses a password with the link, which goes to them through the link sender, never back
/// to the admin); an existing account only gets the roles in this tenant.
/// </summary>
internal static class InvitationsEndpoint
{
    public static RouteGroupBuilder MapInvitations(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/invitations", InviteAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("InvitePerson").WithTags("Accounts")
            .WithSummary("Invite a person to the tenant with roles (any but operator): a new account gets an invitation link by the host's link sender (201); an existing one only the roles (200).")
            .Accepts<InvitationRequest>("application/json")
            .Produces<InvitationResponse>(StatusCodes.Status201Created)
            .Produces<InvitationResponse>()
            .ProducesValidationProblem();
        return tenant;
    }

    private static async Task<IResult> InviteAsync(HttpContext http, UserDirectory directory, AccountLinks links, IOptions<ApiOptions> api)
    {
        var (body, problem) = await JsonBody.ReadAsync<InvitationRequest>(http, api.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Language is { } language && language != PageText.English.Lang && language != PageText.French.Lang)
        {
            return Problems.Field("language", "en or fr.");
        }

        var tenant = TenantEndpointFilter.GetTenant(http).Id;
        var invitation = await directory.InviteAsync(tenant, body.UserName ?? string.Empty, body.DisplayName ?? string.Empty, body.Roles ?? [], AccessRoles.TenantGrantable, http.RequestAborted);
        if (invitation.Problem is { } wrong)
        {
            return Problems.Field(wrong.Field, wrong.Message);
        }

        var user = invitation.User!;
        var roles = (await directory.TenantsOfAsync(user, http.RequestAborted))[tenant.Value];
        if (invitation.Code is not { } code)
        {
            return TypedResults.Ok(new InvitationResponse(user.UserName!, user.DisplayName, roles, Invited: false, ExpiresAt: null));
        }

        var link = await links.SendAsync(AccountLinkKind.Invitation, user, tenant.Value, code, body.Language ?? PageText.English.Lang, http.RequestAborted);
        return TypedResults.Created((string?)null, new InvitationResponse(user.UserName!, user.DisplayName, roles, Invited: true, link.ExpiresAt));
    }
}
