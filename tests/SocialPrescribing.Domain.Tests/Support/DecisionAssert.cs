using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>Asserts that read as the outcome they expect.</summary>
public static class DecisionAssert
{
    /// <summary>The decision appended exactly one event, of type <typeparamref name="T"/>.</summary>
    public static T Appended<T>(Decision decision)
        where T : JourneyEvent
    {
        Assert.Null(decision.Rejection);
        var e = Assert.Single(decision.Events);
        return Assert.IsType<T>(e);
    }

    public static CommandRejection Rejected(Decision decision, RejectionKind kind)
    {
        Assert.Empty(decision.Events);
        Assert.NotNull(decision.Rejection);
        Assert.Equal(kind, decision.Rejection.Kind);
        Assert.False(string.IsNullOrWhiteSpace(decision.Rejection.Detail));
        return decision.Rejection;
    }

    public static void NothingToDo(Decision decision)
    {
        Assert.Null(decision.Rejection);
        Assert.Empty(decision.Events);
    }
}
