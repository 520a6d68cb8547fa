using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Documents.Tests;

public sealed class DocumentLabelsTests
{
    [Fact]
    public void Every_reason_the_domain_knows_has_its_own_words() =>
        Assert.All(ReferralReasons.All, reason => Assert.True(DocumentLabels.HasReason(reason), reason));

    [Fact]
    public void Every_referral_source_has_its_own_words() =>
        Assert.All(Enum.GetValues<ReferralSource>(), source => Assert.True(DocumentLabels.HasSource(source), source.ToString()));

    [Fact]
    public void Every_community_referral_status_has_its_own_words() =>
        Assert.All(Enum.GetValues<CommunityReferralStatus>(), status => Assert.True(DocumentLabels.HasStatus(status), status.ToString()));

    [Fact]
    public void English_and_french_words_differ_where_the_languages_do()
    {
        Assert.Equal("family physician", DocumentLabels.Source(ReferralSource.FamilyPhysician, "en"));
        Assert.Equal("médecin de famille", DocumentLabels.Source(ReferralSource.FamilyPhysician, "fr"));
        Assert.Equal("low mood", DocumentLabels.Reason("low-mood", "en"));
        Assert.Equal("baisse de moral", DocumentLabels.Reason("low-mood", "fr"));
        Assert.Equal("on hold", DocumentLabels.Status(CommunityReferralStatus.OnHold, "en"));
        Assert.Equal("en pause", DocumentLabels.Status(CommunityReferralStatus.OnHold, "fr"));
    }

    [Fact]
    public void A_reason_without_words_shows_as_its_code_in_plain_words()
    {
        Assert.Equal("social prescribing pilot", DocumentLabels.Reason("social-prescribing-pilot", "fr"));
    }

    [Fact]
    public void Labels_in_an_unsupported_language_are_refused()
    {
        Assert.Throws<UnsupportedDocumentLanguageException>(() => DocumentLabels.Reason("housing", "de"));
    }
}
