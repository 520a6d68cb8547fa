namespace HealthyAging.Checklist;

/// <summary>The flags the checklist raises, for the link worker to act on whatever the total.</summary>
public static class HealthyAgingFlags
{
    /// <summary>The person fell at least once in the past three months: talk about a falls-prevention program.</summary>
    public const string FallsRisk = "falls-risk";

    /// <summary>The person skipped meals because of cost or getting food: food programs come first.</summary>
    public const string FoodInsecurity = "food-insecurity";

    /// <summary>The person would like help getting to community programs (the optional last item).</summary>
    public const string TransportBarrier = "transport-barrier";
}
