using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>What the decider made of a command: events to append, or a rejection. No events and no rejection means nothing to do.</summary>
public sealed record Decision(ImmutableArray<JourneyEvent> Events, CommandRejection? Rejection)
{
    public static Decision Append(params JourneyEvent[] events) => new([.. events], null);

    public static readonly Decision Nothing = new([], null);

    public static Decision Reject(RejectionKind kind, string detail, string? field = null, ImmutableArray<string> allowed = default) =>
        new([], new CommandRejection(kind, detail, field, allowed.IsDefault ? [] : allowed));
}
