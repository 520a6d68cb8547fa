using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Features.SafetyAlerts;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// The instrument catalogue, scoring without a journey, assessments and outcomes on a journey:
/// <c>/api/v1/tenants/{tenant}/assessments/…</c> and <c>…/journeys/{id}/assessments|outcomes</c>.
/// </summary>
internal static class AssessmentsFeature
{
    /// <summary>Each tenant's instrument catalogue (built-in and from its plugins), built while the host starts.</summary>
    public static WebApplicationBuilder AddAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AssessmentCatalog>();
        builder.Services.AddSingleton<IAssessmentCatalog>(sp => sp.GetRequiredService<AssessmentCatalog>());
        builder.Services.AddSingleton<IInstrumentSource, PluginInstrumentSource>();
        builder.Services.AddHostedService<CatalogWarmUp<IAssessmentCatalog>>();
        return builder;
    }

    public static RouteGroupBuilder MapAssessments(this RouteGroupBuilder tenant)
    {
        var assessments = tenant.MapGroup("/assessments").WithTags("Assessments").RequireAuthorization(AccessPolicies.Clinical);
        assessments.MapGet("/instruments", ListInstruments)
            .WithName("ListInstruments")
            .WithSummary("The tenant's instruments (built-in and from enabled plugins): items, answers, scores, bands and licence.")
            .Produces<IReadOnlyList<InstrumentResponse>>();
        assessments.MapGet("/instruments/{instrument}", GetInstrument)
            .WithName("GetInstrument")
            .WithSummary("One instrument of the tenant's catalogue.")
            .Produces<InstrumentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        assessments.MapPost("/{instrument}/score", ScoreAsync)
            .WithName("ScoreInstrument")
            .WithSummary("Score responses (one integer per item, in item order) without a journey; nothing is stored.")
            .Accepts<ScoreRequest>("application/json")
            .Produces<ScoreResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        var journeys = tenant.MapGroup("/journeys").WithTags("Assessments").RequireAuthorization(AccessPolicies.Clinical);
        journeys.MapPost("/{journeyId:guid}/assessments", RecordAsync)
            .WithName("RecordAssessment")
            .WithSummary("Record an assessment on an engaged journey (command record-assessment); a safety flag raises an alert.")
            .Accepts<AssessmentRequest>("application/json")
            .Produces<RecordedAssessmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        journeys.MapGet("/{journeyId:guid}/assessments", ListAsync)
            .WithName("ListAssessments")
            .WithSummary("Every assessment on the journey, oldest first, with responses and results as recorded.")
            .Produces<IReadOnlyList<AssessmentResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        journeys.MapGet("/{journeyId:guid}/assessments/{assessmentId:guid}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("One assessment on the journey.")
            .Produces<AssessmentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        journeys.MapGet("/{journeyId:guid}/outcomes", OutcomesAsync)
            .WithName("GetOutcomes")
            .WithSummary("Per instrument: the baseline, the latest re-measure, each score's change and whether it is a meaningful improvement or deterioration.")
            .Produces<JourneyOutcomesResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static Ok<List<InstrumentResponse>> ListInstruments(HttpContext http, IAssessmentCatalog catalog) =>
        TypedResults.Ok(catalog.InstrumentsOf(TenantEndpointFilter.GetTenant(http).Id).Select(InstrumentResponse.From).ToList());

    private static IResult GetInstrument(HttpContext http, string instrument, IAssessmentCatalog catalog) =>
        catalog.Find(TenantEndpointFilter.GetTenant(http).Id, instrument) is { } found
            ? TypedResults.Ok(InstrumentResponse.From(found))
            : UnknownInstrument(instrument);

    private static async Task<IResult> ScoreAsync(HttpContext http, string instrument, IAssessmentCatalog catalog, IOptions<ApiOptions> options)
    {
        if (catalog.Find(TenantEndpointFilter.GetTenant(http).Id, instrument) is not { } found)
        {
            return UnknownInstrument(instrument);
        }

        var (body, problem) = await JsonBody.ReadAsync<ScoreRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var validation = new RequestValidation();
        var responses = validation.RequiredObject(body!.Responses, "responses");
        var result = responses is null ? null : await InstrumentScoring.TryScoreAsync(found.Instrument, responses, validation, http.RequestAborted);
        return result is null ? Problems.Validation(validation.Errors) : TypedResults.Ok(ScoreResponse.From(result));
    }

    private static Task<IResult> RecordAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys, JourneyCommandPipeline commands)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        return commands.SendAsync<AssessmentRequest>(http, _ => journeyId, async (id, outcome) =>
        {
            // The answer shows what the caller just recorded, from the event, even when the person's lock-box
            // withholds the journey's other assessments from them.
            var assessment = RecordedAssessment.From(outcome.Events.OfType<AssessmentRecorded>().Single());
            var state = await journeys.FindStateAsync(http.GetRequiredCaller(), id, RecordAccess.Assessments);
            var response = new RecordedAssessmentResponse(
                id,
                AssessmentResponse.From(assessment),
                [.. state!.SafetyAlerts.Where(a => a.AssessmentId == assessment.Id).Select(SafetyAlertResponse.From)],
                WireNames.Of(outcome.Status),
                outcome.Version,
                outcome.Kind == CommandOutcomeKind.Replayed,
                outcome.AllowedCommands);
            return TypedResults.Created($"/api/v1/tenants/{tenant.Id.Value}/journeys/{id}/assessments/{assessment.Id}", response);
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys) =>
        await AssessmentsAsync(http, journeyId, journeys, RecordAccess.Assessments) switch
        {
            (null, var problem) => problem!,
            (var state, _) => TypedResults.Ok(state.Assessments.Select(AssessmentResponse.From).ToList()),
        };

    private static async Task<IResult> GetAsync(HttpContext http, Guid journeyId, Guid assessmentId, JourneyUseCases journeys) =>
        await AssessmentsAsync(http, journeyId, journeys, RecordAccess.Assessments) switch
        {
            (null, var problem) => problem!,
            (var state, _) => state.Assessments.Find(a => a.Id == assessmentId) is { } found
                ? TypedResults.Ok(AssessmentResponse.From(found))
                : Problems.NotFound("No assessment with this id on this journey."),
        };

    private static async Task<IResult> OutcomesAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys, IAssessmentCatalog catalog)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var (state, problem) = await AssessmentsAsync(http, journeyId, journeys, RecordAccess.Outcomes);
        if (state is null)
        {
            return problem!;
        }

        var find = (string id) => catalog.Find(tenant.Id, id)?.Instrument;
        var outcomes = JourneyOutcomes.Compute(state.Assessments, find);
        return TypedResults.Ok(new JourneyOutcomesResponse(journeyId, [.. outcomes.Select(o => InstrumentOutcomeResponse.From(o, find(o.Instrument)))]));
    }

    /// <summary>The journey's state for a read of its assessments, or the problem: unknown journey, or assessments withheld from the caller.</summary>
    private static async Task<(JourneyState? State, IResult? Problem)> AssessmentsAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys, RecordAccess access) =>
        await journeys.FindDisclosedAsync(http.GetRequiredCaller(), journeyId, access) switch
        {
            null => (null, Problems.UnknownJourney()),
            { } disclosed when disclosed.IsWithheld(RecordPart.Assessments) => (null, Problems.Withheld()),
            { } disclosed => (disclosed.State, null),
        };

    private static IResult UnknownInstrument(string instrument) =>
        Problems.NotFound($"No instrument '{instrument}' in this program's catalogue (GET …/assessments/instruments lists them).");
}
