using Microsoft.Extensions.Options;
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

    private static async Task<IResult> InviteAsync(HttpContext http, TenantInvitations invitations, IOptions<ApiOptions> api)
    {
        var (body, problem) = await JsonBody.ReadAsync<InvitationRequest>(http, api.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (invited, wrong) = await invitations.InviteAsync(TenantEndpointFilter.GetTenant(http).Id, body!.UserName, body.DisplayName, body.Roles, body.Language, http.RequestAborted);
        if (wrong is not null)
        {
            return Problems.Field(wrong.Field, wrong.Message);
        }

        return invited!.Invited ? TypedResults.Created((string?)null, invited) : TypedResults.Ok(invited);
    }
}
