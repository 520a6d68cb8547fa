using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Documents.Tests;

public sealed class DocumentModelBuilderTests
{
    [Fact]
    public void Dates_are_the_tenants_local_dates()
    {
        // 01:30 UTC on March 4 is the evening of March 3 in Edmonton.
        var model = Build(SampleJourneys.English(), "en");

        Assert.Equal("March 3, 2025", model.Referral.ReceivedOn);
        Assert.Equal("March 20, 2025", model.GeneratedOn);
        Assert.Equal("March 11, 2025", model.Referral.FirstContactDueOn);
    }

    [Fact]
    public void French_dates_are_written_the_french_way()
    {
        var model = Build(SampleJourneys.French(), "fr");

        Assert.Equal("3 mars 2025", model.Referral.ReceivedOn);
        Assert.Equal(["mardi 1er avril 2025", "mardi 15 avril 2025"], model.FollowUps.Select(f => f.DueOn));
    }

    [Fact]
    public void Past_follow_ups_are_left_out_and_the_rest_come_soonest_first()
    {
        var model = Build(SampleJourneys.English(), "en");

        Assert.Equal(["Tuesday, April 1, 2025", "Tuesday, April 15, 2025"], model.FollowUps.Select(f => f.DueOn));
    }

    [Fact]
    public void Codes_become_words_in_the_documents_language()
    {
        var english = Build(SampleJourneys.English(), "en");
        var french = Build(SampleJourneys.French(), "fr");

        Assert.Equal("family physician", english.Referral.Source);
        Assert.Equal("médecin de famille", french.Referral.Source);
        Assert.Equal(["loneliness and isolation", "physical activity", "caregiver strain"], english.Referral.Reasons);
        Assert.Equal(["solitude et isolement", "activité physique", "épuisement de la personne proche aidante"], french.Referral.Reasons);
        Assert.Equal(["in-progress", "requested", "rejected"], english.CommunityReferrals.Select(r => r.Status));
        Assert.Equal(["in progress", "requested", "not accepted"], english.CommunityReferrals.Select(r => r.StatusLabel));
        Assert.Equal(["en cours", "demande envoyée", "demande non retenue"], french.CommunityReferrals.Select(r => r.StatusLabel));
    }

    [Fact]
    public void The_model_carries_the_tenant_and_the_journey_reference()
    {
        var model = Build(SampleJourneys.English(), "en");

        Assert.Equal(new DocumentProgram("Healthy Aging Connect", "403-555-0142"), model.Program);
        Assert.Equal("0195b2c4-7d1e-7a3c-9f10-5c2e8a4b6d01", model.Referral.Reference);
        Assert.Equal(5, model.Referral.FirstContactBusinessDays);
        Assert.Equal("lw-jordan", model.LinkWorkerId);
        Assert.Equal(new DocumentClient("Margaret", "Margaret O.", "Margaret O'Brien", "May 12, 1948"), model.Client);
    }

    [Fact]
    public void A_new_referral_has_no_deadline_link_worker_plan_or_follow_ups_yet()
    {
        var model = Build(SampleJourneys.JustReferred(), "en");

        Assert.Null(model.Referral.FirstContactDueOn);
        Assert.Null(model.LinkWorkerId);
        Assert.Empty(model.WhatMatters);
        Assert.Empty(model.Goals);
        Assert.Empty(model.CommunityReferrals);
        Assert.Empty(model.FollowUps);
    }

    [Fact]
    public void A_journey_without_a_referral_has_nothing_to_document()
    {
        Assert.Throws<ArgumentException>(() => Build(JourneyState.Empty, "en"));
    }

    [Fact]
    public void An_unsupported_language_is_refused()
    {
        var error = Assert.Throws<UnsupportedDocumentLanguageException>(() => Build(SampleJourneys.English(), "es"));

        Assert.Equal("es", error.Language);
    }

    private static DocumentModel Build(JourneyState state, string lang) =>
        DocumentModelBuilder.Build(SampleJourneys.Tenant, SampleJourneys.JourneyId, state, lang, SampleJourneys.Now);
}
