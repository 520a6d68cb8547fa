using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Tests.Journeys;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(ContactMode.InPerson, "in-person")]
    [InlineData(ContactMode.Phone, "phone")]
    [InlineData(CommunityReferralStatus.OnHold, "on-hold")]
    [InlineData(ContactAttemptOutcome.WrongNumber, "wrong-number")]
    [InlineData(ReferralSource.NursePractitioner, "nurse-practitioner")]
    [InlineData(PreferredLanguage.En, "en")]
    [InlineData(JourneyStatus.UnableToContact, "unable-to-contact")]
    public void An_enum_value_is_named_in_kebab_case_on_the_wire(object value, string expected)
    {
        var name = value switch
        {
            ContactMode v => WireNames.Of(v),
            CommunityReferralStatus v => WireNames.Of(v),
            ContactAttemptOutcome v => WireNames.Of(v),
            ReferralSource v => WireNames.Of(v),
            PreferredLanguage v => WireNames.Of(v),
            JourneyStatus v => WireNames.Of(v),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };

        Assert.Equal(expected, name);
    }

    [Fact]
    public void Every_value_of_every_wire_enum_parses_back_from_its_name()
    {
        AssertRoundTrips<ContactMode>();
        AssertRoundTrips<CommunityReferralStatus>();
        AssertRoundTrips<ContactAttemptOutcome>();
        AssertRoundTrips<ReferralSource>();
        AssertRoundTrips<PreferredLanguage>();
        AssertRoundTrips<JourneyStatus>();
        AssertRoundTrips<RejectionKind>();
    }

    [Theory]
    [InlineData("InPerson")]
    [InlineData("in_person")]
    [InlineData("IN-PERSON")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_the_exact_kebab_case_name_does_not_parse(string? text)
    {
        Assert.False(WireNames.TryParse<ContactMode>(text, out _));
    }

    [Fact]
    public void All_lists_every_name_in_declaration_order()
    {
        Assert.Equal(["phone", "in-person", "video", "text"], WireNames.All<ContactMode>());
    }

    private static void AssertRoundTrips<T>()
        where T : struct, Enum
    {
        var names = WireNames.All<T>().ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(WireNames.TryParse<T>(WireNames.Of(value), out var parsed));
            Assert.Equal(value, parsed);
        }
    }
}
