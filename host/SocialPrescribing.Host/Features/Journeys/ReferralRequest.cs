using System.Text.RegularExpressions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>The body of <c>POST /api/v1/tenants/{tenant}/referrals</c>.</summary>
internal sealed partial record ReferralRequest(
    ClientRequest? Client,
    ReferrerRequest? Referrer,
    [property: WireEnum<ReferralSource>] string? Source,
    IReadOnlyList<string?>? Reasons,
    [property: MultilineText] string? Notes = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.ReceiveReferral;

    public JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var client = validation.RequiredObject(Client, "client");
        var referrer = validation.RequiredObject(Referrer, "referrer");
        var source = validation.Enum<ReferralSource>(Source, "source");
        var reasons = validation.Items(Reasons, "reasons", ReferralReasons.All.Count);
        for (var i = 0; i < reasons.Length; i++)
        {
            if (reasons[i].Length > 0 && !ReferralReasons.All.Contains(reasons[i]))
            {
                validation.Add($"reasons[{i}]", $"'{reasons[i]}' is not one of: {string.Join(", ", ReferralReasons.All.Order())}.");
            }
        }

        if (reasons.Distinct().Count() != reasons.Length)
        {
            validation.Add("reasons", "Each reason once.");
        }

        var notes = validation.Optional(Notes, "notes");
        if (client is null || referrer is null)
        {
            return null;
        }

        return new ReceiveReferral(
            ToClient(client, validation, metadata.Today),
            new ReferrerDetails(
                validation.Required(referrer.Name, "referrer.name"),
                validation.Required(referrer.Organization, "referrer.organization", 200),
                validation.Required(referrer.Role, "referrer.role")),
            source,
            reasons,
            notes)
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
    }

    private static ClientDetails ToClient(ClientRequest client, RequestValidation validation, DateOnly today)
    {
        var birthDate = validation.Date(client.BirthDate, "client.birthDate", today);
        var postalCode = validation.Required(client.PostalCode, "client.postalCode", 7).ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (postalCode.Length > 0 && !PostalCodePattern().IsMatch(postalCode))
        {
            validation.Add("client.postalCode", "Not a Canadian postal code (A1A 1A1).");
        }

        var phone = validation.Optional(client.Phone, "client.phone", 30);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            validation.Add("client.phone", "Not a phone number.");
        }

        var email = validation.Optional(client.Email, "client.email", 254);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            validation.Add("client.email", "Not an email address.");
        }

        return new ClientDetails(
            validation.Required(client.GivenName, "client.givenName"),
            validation.Required(client.FamilyName, "client.familyName"),
            birthDate,
            postalCode.Length == 6 ? $"{postalCode[..3]} {postalCode[3..]}" : postalCode,
            validation.Enum<PreferredLanguage>(client.PreferredLanguage, "client.preferredLanguage"),
            phone,
            email);
    }

    [GeneratedRegex("^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^\+?[0-9 ().-]{7,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
