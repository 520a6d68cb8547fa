using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>Keeping the directory true: local programs added and edited, services checked, referral intake and places.</summary>
internal static class CurationFeature
{
    public static RouteGroupBuilder MapCuration(this RouteGroupBuilder tenant)
    {
        var curation = tenant.MapGroup("/directory").WithTags("Directory").RequireAuthorization(AccessPolicies.Curation);
        curation.MapPost("/services", (HttpContext http, DirectoryCuration directory, IOptions<ApiOptions> options) => SaveAsync(http, directory, options, null))
            .WithName("AddDirectoryService")
            .WithSummary("Adds a local program no feed lists: one HSDS 3 service document (with its organization, locations, schedules…), checked like an import; a field at fault is a 400 naming it (as a JSON Pointer), an id already in the directory a 409 (link workers, supervisors, program managers, tenant admins).")
            .Accepts<JsonElement>("application/json")
            .Produces<CuratedServiceResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        curation.MapPut("/services/{serviceId:guid}", (HttpContext http, Guid serviceId, DirectoryCuration directory, IOptions<ApiOptions> options) => SaveAsync(http, directory, options, serviceId))
            .WithName("ReplaceDirectoryService")
            .WithSummary("Replaces a service with an edited HSDS 3 service document of the same id. A feed that supplies the service replaces it again at its next run: edit local programs here, and a feed's at its source.")
            .Accepts<JsonElement>("application/json")
            .Produces<CuratedServiceResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        curation.MapPost("/services/{serviceId:guid}/verification", VerifyAsync)
            .WithName("VerifyDirectoryService")
            .WithSummary("Marks the service checked today (its HSDS assured_date): a service not checked for 12 months is flagged unverified.")
            .Produces<CuratedServiceResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        curation.MapPut("/services/{serviceId:guid}/intake", SetIntakeAsync)
            .WithName("SetDirectoryServiceIntake")
            .WithSummary("Whether the service takes referrals now, keeps a waitlist, and its places (available of maximum): served in the HSDS API as referral_intake and HSDS 3.1 capacities, and weighed by matches.")
            .Accepts<IntakeRequest>("application/json")
            .Produces<CuratedServiceResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        curation.MapGet("/curation", ListAsync)
            .WithName("ListCuratedServices")
            .WithSummary("The tenant's services by name with when each was last checked, whether it is flagged unverified (never checked, or not for 12 months), and its referral intake.")
            .Produces<CuratedServiceListResponse>()
            .ProducesValidationProblem();
        return tenant;
    }

    private static async Task<IResult> SaveAsync(HttpContext http, DirectoryCuration directory, IOptions<ApiOptions> options, Guid? serviceId)
    {
        var (document, problem) = await JsonBody.ReadDocumentAsync(http, options.Value.MaxRequestBodyBytes);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            try
            {
                var saved = await directory.SaveAsync(http.GetRequiredCaller(), document.RootElement, serviceId, http.RequestAborted);
                if (saved is null)
                {
                    return UnknownService();
                }

                var response = CuratedServiceResponse.From(saved);
                return serviceId is null
                    ? TypedResults.Created($"/api/v1/tenants/{http.GetRequiredCaller().Tenant.Value}/hsds/services/{saved.Id}", response)
                    : TypedResults.Ok(response);
            }
            catch (DirectoryCurationException ex) when (ex.Conflict)
            {
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The directory already has this service.",
                    extensions: new Dictionary<string, object?> { ["field"] = ex.Field });
            }
            catch (DirectoryCurationException ex)
            {
                return Problems.Field(ex.Field, ex.Message);
            }
        }
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, Guid serviceId, DirectoryCuration directory) =>
        await directory.VerifyAsync(http.GetRequiredCaller(), serviceId, http.RequestAborted) is { } verified
            ? TypedResults.Ok(CuratedServiceResponse.From(verified))
            : UnknownService();

    private static async Task<IResult> SetIntakeAsync(HttpContext http, Guid serviceId, DirectoryCuration directory, IOptions<ApiOptions> options)
    {
        var (body, problem) = await JsonBody.ReadAsync<IntakeRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.AcceptingReferrals is not { } accepting)
        {
            return Problems.Field("acceptingReferrals", "Required: true or false.");
        }

        try
        {
            var intake = new ReferralIntake(accepting, body.Waitlist ?? false, body.AvailablePlaces, body.MaximumPlaces);
            return await directory.SetIntakeAsync(http.GetRequiredCaller(), serviceId, intake, http.RequestAborted) is { } changed
                ? TypedResults.Ok(CuratedServiceResponse.From(changed))
                : UnknownService();
        }
        catch (DirectoryCurationException ex)
        {
            return Problems.Field(ex.Field, ex.Message);
        }
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        DirectoryCuration directory,
        [Description("true for only the services flagged unverified.")] string? unverified,
        [Description("Page number from 1.")] string? page,
        [Description("Services per page, 1 to 200 (default 50).")] string? per_page)
    {
        var validation = new RequestValidation();
        var number = validation.Number(page, "page", 1, 1, 100_000);
        var size = validation.Number(per_page, "per_page", 50, 1, 200);
        if (unverified is not (null or "true" or "false"))
        {
            validation.Add("unverified", "true or false.");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var found = await directory.ListAsync(http.GetRequiredCaller(), unverified == "true", number, size, http.RequestAborted);
        return TypedResults.Ok(new CuratedServiceListResponse([.. found.Items.Select(CuratedServiceResponse.From)], found.Total, number, size));
    }

    private static IResult UnknownService() => Problems.NotFound("No service with this id in this tenant's directory.");
}

/// <summary>Whether a service takes referrals now, and its places.</summary>
internal sealed record IntakeRequest(
    [property: Description("Whether the service takes referrals now.")] bool? AcceptingReferrals,
    [property: Description("Whether it keeps a waitlist when full.")] bool? Waitlist,
    [property: Description("Places free now.")] int? AvailablePlaces,
    [property: Description("Places in all.")] int? MaximumPlaces);

/// <summary>A service as curation sees it.</summary>
internal sealed record CuratedServiceResponse(
    Guid Id,
    string Name,
    Guid? OrganizationId,
    string Status,
    [property: Description("When it was last checked (HSDS assured_date).")] DateOnly? AssuredDate,
    [property: Description("Never checked, or not for 12 months.")] bool Unverified,
    bool? AcceptingReferrals,
    bool? Waitlist,
    int? AvailablePlaces,
    int? MaximumPlaces)
{
    public static CuratedServiceResponse From(CuratedService s) =>
        new(s.Id, s.Name, s.OrganizationId, s.Status, s.AssuredDate, s.Unverified, s.Intake?.Accepting, s.Intake?.Waitlist, s.Intake?.AvailablePlaces, s.Intake?.MaximumPlaces);
}

internal sealed record CuratedServiceListResponse(IReadOnlyList<CuratedServiceResponse> Items, int Total, int Page, int PerPage);
