using System.ComponentModel;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record UnmetNeedRequest(
    [property: Description("The need no program could meet: a referral reason (loneliness-and-isolation, food-security…) or a kind of program (arts-and-culture, nature-and-gardening, peer-support, volunteering, learning-and-skills, digital-inclusion, transport, employment, legal-advice, childcare, language-and-newcomers).")] string? Need,
    [property: Description("What was looked for and why nothing fitted; a note, withheld with notes.")] string? Details) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RecordUnmetNeed;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var need = validation.Required(Need, "need");
        if (need.Length > 0 && !UnmetNeeds.All.Contains(need))
        {
            validation.Add("need", $"One of: {string.Join(", ", UnmetNeeds.All.Order(StringComparer.Ordinal))}.");
        }

        return new RecordUnmetNeed(need, validation.Optional(Details, "details")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
    }
}
