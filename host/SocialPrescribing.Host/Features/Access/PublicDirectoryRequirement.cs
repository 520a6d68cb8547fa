using Microsoft.AspNetCore.Authorization;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// Reading a tenant's community directory: met by a member of the tenant (a role in it, as <see cref="AccessPolicies.Member"/>),
/// or by anyone when the route's tenant made its directory public.
/// </summary>
internal sealed class PublicDirectoryRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="PublicDirectoryRequirement"/> from the token's roles and the tenant's settings.</summary>
internal sealed class PublicDirectoryHandler(ITenantDirectory tenants) : AuthorizationHandler<PublicDirectoryRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PublicDirectoryRequirement requirement)
    {
        var member = context.User.HasClaim(c => c.Type == AccessClaims.Tenant) && AccessRoles.All.Any(context.User.IsInRole);
        if (member || IsPublic(context.Resource as HttpContext))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool IsPublic(HttpContext? http) =>
        http?.GetRouteValue("tenant") is string text && TenantId.TryParse(text, out var id) && tenants.TryGet(id, out var settings) && settings.PublicDirectory;
}
