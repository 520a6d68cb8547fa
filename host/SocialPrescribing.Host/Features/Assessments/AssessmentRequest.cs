using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// <c>POST …/journeys/{id}/assessments</c>: an administered instrument. It is scored here, with the tenant's
/// catalogue, and the journey keeps the result as computed now.
/// </summary>
internal sealed record AssessmentRequest(string? Instrument, IReadOnlyList<int>? Responses, [property: WireEnum<AssessmentTimepoint>] string? Timepoint) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RecordAssessment;

    public JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        throw new NotSupportedException("An assessment is scored asynchronously; use ToCommandAsync.");

    public async ValueTask<JourneyCommand?> ToCommandAsync(RequestValidation validation, CommandMetadata metadata, CancellationToken cancellationToken)
    {
        var timepoint = validation.Enum<AssessmentTimepoint>(Timepoint, "timepoint");
        var id = validation.Required(Instrument, "instrument", 64);
        var responses = validation.RequiredObject(Responses, "responses");
        if (id.Length == 0 || responses is null)
        {
            return null;
        }

        var catalog = metadata.Services.GetRequiredService<IAssessmentCatalog>();
        if (catalog.Find(metadata.Tenant.Id, id) is not { } found)
        {
            validation.Add("instrument", $"'{id}' is not an instrument of this program; one of: {string.Join(", ", catalog.InstrumentsOf(metadata.Tenant.Id).Select(i => i.Instrument.Id))}.");
            return null;
        }

        var result = await InstrumentScoring.TryScoreAsync(found.Instrument, responses, validation, cancellationToken);
        return result is null || !validation.IsValid
            ? null
            : new RecordAssessment(timepoint, result.Instrument, result.Version, [.. responses], [.. InstrumentScoring.ToScores(result)], [.. result.Flags])
            {
                CommandId = metadata.CommandId,
                Actor = metadata.Actor,
            };
    }
}
