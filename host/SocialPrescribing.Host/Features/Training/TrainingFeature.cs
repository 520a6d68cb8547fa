using SocialPrescribing.Application.Training;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Grains.Training;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>
/// Training for link workers on the competency framework: the tenant's modules (from plugins), a link worker's
/// progress and knowledge checks, and their competency profile.
/// </summary>
internal static class TrainingFeature
{
    /// <summary>Each tenant's training modules, from the plugins it enables, described while the host starts.</summary>
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TrainingCatalog>();
        builder.Services.AddSingleton<TrainingActions>();
        builder.Services.AddHostedService<CatalogWarmUp<TrainingCatalog>>();
        return builder;
    }

    public static RouteGroupBuilder MapTraining(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/training/modules", (HttpContext http, TrainingCatalog catalog) =>
                TypedResults.Ok(catalog.ModulesOf(TenantEndpointFilter.GetTenant(http).Id).Select(ModuleResponse.From).ToList()))
            .RequireAuthorization(AccessPolicies.Member)
            .WithName("ListTrainingModules").WithTags("Training")
            .WithSummary("The training modules of the plugins the tenant enables: outcomes, lessons and the knowledge check (without its answers).");
        tenant.MapGet("/training/modules/{moduleId}", (HttpContext http, string moduleId, TrainingCatalog catalog) =>
                catalog.Find(TenantEndpointFilter.GetTenant(http).Id, moduleId) is { } module
                    ? (IResult)TypedResults.Ok(ModuleResponse.From(module))
                    : UnknownModule(moduleId))
            .RequireAuthorization(AccessPolicies.Member)
            .WithName("GetTrainingModule").WithTags("Training")
            .WithSummary("A training module of a plugin the tenant enables: outcomes, lessons and the knowledge check (without its answers).")
            .Produces<ModuleResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var worker = tenant.MapGroup("/link-workers/{linkWorkerId}").WithTags("Training").RequireAuthorization(AccessPolicies.Clinical);
        worker.MapGet("/training", ProgressAsync)
            .WithName("GetTrainingRecord")
            .WithSummary("The link worker's modules: started, attempts, best score, completed.")
            .Produces<IReadOnlyList<ProgressResponse>>()
            .ProducesValidationProblem();
        worker.MapPost("/training/{moduleId}/start", StartAsync)
            .WithName("StartTrainingModule")
            .WithSummary("Start a module; starting one under way changes nothing; a completed one is a 409. Idempotency-Key honoured.")
            .Produces<ProgressResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        worker.MapPost("/training/{moduleId}/knowledge-check", AttemptAsync)
            .WithName("TakeKnowledgeCheck")
            .WithSummary("Take the module's knowledge check {answers: {questionId: [optionId…]}}; a pass completes the module. Idempotency-Key honoured.")
            .Accepts<KnowledgeCheckRequest>("application/json")
            .Produces<AttemptResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        worker.MapGet("/competencies", CompetenciesAsync)
            .WithName("GetCompetencyProfile")
            .WithSummary("Every competency of the framework by domain, with the highest proficiency level the link worker's completed modules evidence.")
            .Produces<CompetencyProfileResponse>()
            .ProducesValidationProblem();
        return tenant;
    }

    private static async Task<IResult> ProgressAsync(HttpContext http, string linkWorkerId, TrainingUseCases training)
    {
        if (Worker(linkWorkerId) is not { } worker)
        {
            return InvalidWorker();
        }

        var record = await training.GetAsync(http.GetRequiredCaller(), worker);
        return TypedResults.Ok(record.Modules.Select(ProgressResponse.From).ToList());
    }

    private static async Task<IResult> CompetenciesAsync(HttpContext http, string linkWorkerId, TrainingUseCases training)
    {
        if (Worker(linkWorkerId) is not { } worker)
        {
            return InvalidWorker();
        }

        return TypedResults.Ok(CompetencyProfileResponse.From(linkWorkerId, await training.GetAsync(http.GetRequiredCaller(), worker)));
    }

    private static async Task<IResult> StartAsync(HttpContext http, string linkWorkerId, string moduleId, TrainingUseCases training, TrainingActions actions, TrainingCatalog catalog)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        if (Worker(linkWorkerId) is not { } worker)
        {
            return InvalidWorker();
        }

        TrainingUseCases.Demand(http.GetRequiredCaller(), worker);

        if (catalog.Find(tenant.Id, moduleId) is not { } module)
        {
            return UnknownModule(moduleId);
        }

        var (commandId, problem) = CommandId(http, actions, tenant, linkWorkerId, "start", moduleId);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await actions.StartAsync(http.GetRequiredCaller(), worker, module, commandId);
        return await RespondAsync(http, training, worker, outcome, moduleId, record => TypedResults.Ok(ProgressResponse.From(record.Module(moduleId)!)));
    }

    private static async Task<IResult> AttemptAsync(
        HttpContext http, string linkWorkerId, string moduleId, TrainingUseCases training, TrainingActions actions, TrainingCatalog catalog, IOptions<ApiOptions> options)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        if (Worker(linkWorkerId) is not { } worker)
        {
            return InvalidWorker();
        }

        TrainingUseCases.Demand(http.GetRequiredCaller(), worker);

        if (catalog.Find(tenant.Id, moduleId) is not { } module)
        {
            return UnknownModule(moduleId);
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<KnowledgeCheckRequest>(http, options.Value.MaxRequestBodyBytes);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var validation = new RequestValidation();
        if (body!.ToAttempt(validation) is not { } attempt)
        {
            return Problems.Validation(validation.Errors);
        }

        var (commandId, problem) = CommandId(http, actions, tenant, linkWorkerId, "knowledge-check", moduleId);
        if (problem is not null)
        {
            return problem;
        }

        TrainingOutcome outcome;
        KnowledgeCheckResult result;
        try
        {
            (outcome, result) = await actions.AttemptAsync(
                http.GetRequiredCaller(), worker, module, attempt, commandId, http.Request.Headers.ContainsKey(RequestHeaders.IdempotencyKey) ? JsonBody.Fingerprint(body) : null);
        }
        catch (KnowledgeCheckValidationException ex)
        {
            return Problems.Field($"answers.{ex.QuestionId}", ex.Message);
        }

        return await RespondAsync(http, training, worker, outcome, moduleId, record => TypedResults.Ok(new AttemptResponse(
            module.Id, result.Correct, result.Total, result.ScorePercent, result.PassMarkPercent, result.Passed, result.Questions, ProgressResponse.From(record.Module(moduleId)!))));
    }

    private static async Task<IResult> RespondAsync(
        HttpContext http, TrainingUseCases training, string worker, TrainingOutcome outcome, string moduleId, Func<TrainingRecord, IResult> ok)
    {
        if (outcome.Rejection is { Kind: RejectionKind.KeyReused } reused)
        {
            return Problems.KeyReused(reused.Detail);
        }

        if (outcome.Rejection is { } rejection)
        {
            return TypedResults.Problem(
                rejection.Detail,
                statusCode: StatusCodes.Status409Conflict,
                title: "Not allowed in the module's current state.",
                extensions: new Dictionary<string, object?> { ["field"] = rejection.Field, ["moduleId"] = moduleId });
        }

        if (outcome.Replayed)
        {
            http.Response.Headers[RequestHeaders.Replayed] = "true";
        }

        return ok(await training.GetAsync(http.GetRequiredCaller(), worker));
    }

    /// <summary>The command's id (from the Idempotency-Key when given), or a problem with the header.</summary>
    private static (Guid CommandId, IResult? Problem) CommandId(HttpContext http, TrainingActions actions, TenantSettings tenant, string linkWorkerId, string operation, string moduleId)
    {
        var (key, keyProblem) = RequestHeaders.ReadIdempotencyKey(http.Request);
        return (actions.CommandId(tenant, linkWorkerId, moduleId, operation, key), keyProblem);
    }

    /// <summary>The link worker id from the route, or null when it is not one.</summary>
    private static string? Worker(string linkWorkerId)
    {
        var validation = new RequestValidation();
        var id = validation.Identifier(linkWorkerId, "linkWorkerId");
        return validation.IsValid ? id : null;
    }

    private static IResult InvalidWorker() => Problems.Field("linkWorkerId", "A link worker id: 1 to 64 letters, digits and . _ @ -.");

    private static IResult UnknownModule(string moduleId) =>
        Problems.NotFound($"No training module '{moduleId}' in this program (GET …/training/modules lists them).");
}
