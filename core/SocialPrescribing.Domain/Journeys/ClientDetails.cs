namespace SocialPrescribing.Domain.Journeys;

/// <summary>Who the journey is for, as given on the referral.</summary>
[GenerateSerializer, Immutable, Alias("sp.ClientDetails")]
public sealed record ClientDetails(
    [property: Id(0)] string GivenName,
    [property: Id(1)] string FamilyName,
    [property: Id(2)] DateOnly BirthDate,
    [property: Id(3)] string PostalCode,
    [property: Id(4)] PreferredLanguage PreferredLanguage,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? Email)
{
    /// <summary>The person's age in whole years on <paramref name="today"/>.</summary>
    public int AgeOn(DateOnly today)
    {
        var years = today.Year - BirthDate.Year;
        return today < BirthDate.AddYears(years) ? years - 1 : years;
    }
}
