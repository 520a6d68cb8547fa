using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Application.Journeys;

/// <summary>
/// A journey's current state as one caller may see it: without what the person's lock-box withholds from them
/// (<see cref="Redaction"/>), and which parts those are, for the read path to say that something is withheld
/// (<see cref="Disclosure.Notice"/>) and to refuse a part it would otherwise show whole.
/// </summary>
public sealed record DisclosedState(JourneyState State, Disclosure Disclosure)
{
    public bool AnyWithheld => Disclosure.AnyWithheld;

    public bool IsWithheld(RecordPart part) => Disclosure.IsWithheld(part);
}
