using System.ComponentModel;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Application.CommunityDirectory.Matching;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Matching;

/// <summary>
/// <c>GET …/journeys/{id}/matches</c>: community programs of the tenant's directory ranked for the person, each with
/// the reason for every factor that counted.
/// </summary>
internal static class MatchesFeature
{
    public static WebApplicationBuilder AddMatching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITransportPartners, PluginTransportPartners>();
        return builder;
    }

    public static RouteGroupBuilder MapMatches(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/journeys/{journeyId:guid}/matches", FindAsync)
            .RequireAuthorization(AccessPolicies.Clinical)
            .WithName("GetMatches")
            .WithTags("Directory")
            .WithSummary("Community programs ranked for the person: active programs open to their age that hold their interests or what matters to them, or lie within their reach, scored on each factor that applies (interest, distance, language, cost, schedule, accessibility, transport, digital access) with the tenant's weights, each factor with its reason. An audited read of the person's record.")
            .Produces<MatchesResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static async Task<IResult> FindAsync(
        HttpContext http, Guid journeyId, MatchUseCases matches, [Description("How many programs, 1 to 50 (default 10).")] string? limit)
    {
        var validation = new RequestValidation();
        var count = validation.Number(limit, "limit", MatchUseCases.DefaultLimit, 1, MatchUseCases.MaxLimit);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        return await matches.FindAsync(http.GetRequiredCaller(), journeyId, count, http.RequestAborted) is { } found
            ? TypedResults.Ok(MatchesResponse.From(journeyId, found))
            : Problems.UnknownJourney();
    }

    /// <summary>The transport partners the tenant's enabled plugins provide.</summary>
    private sealed class PluginTransportPartners(IPluginCatalog plugins) : ITransportPartners
    {
        public IReadOnlyList<string> EnabledFor(TenantId tenant) => [.. plugins.ComponentsFor<ITransportPartner>(tenant).Select(c => c.ComponentId)];
    }
}
