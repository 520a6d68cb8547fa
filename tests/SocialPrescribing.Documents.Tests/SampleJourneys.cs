using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Documents.Tests;

/// <summary>Fixed journeys, tenant and clock, so rendered documents are the same on every run.</summary>
internal static class SampleJourneys
{
    public static readonly Guid JourneyId = Guid.Parse("0195b2c4-7d1e-7a3c-9f10-5c2e8a4b6d01");

    /// <summary>March 20, 2025, 9:00 in Edmonton.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The evening of March 3 in Edmonton, which is already March 4 in UTC.</summary>
    public static readonly DateTimeOffset ReferredAt = new(2025, 3, 4, 1, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset AcceptedAt = new(2025, 3, 4, 16, 0, 0, TimeSpan.Zero);

    public static TenantSettings Tenant { get; } = new()
    {
        Id = TenantId.Parse("ab"),
        DisplayName = "Healthy Aging Connect",
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton"),
        FirstContactSlaBusinessDays = 5,
        ContactPoint = "403-555-0142",
    };

    public static ClientDetails EnglishClient { get; } = new(
        "Margaret", "O'Brien", new DateOnly(1948, 5, 12), "T2N 1N4", PreferredLanguage.En, "403-555-0199", "margaret@example.ca");

    public static ClientDetails FrenchClient { get; } = new(
        "Hélène", "Tremblay", new DateOnly(1951, 11, 2), "T3A 0B7", PreferredLanguage.Fr, "403-555-0188", "helene@example.ca");

    public static ReferrerDetails Referrer { get; } = new("Dr. Anita Sharma", "Kensington Family Medicine", "family physician");

    /// <summary>A journey that has come a long way: accepted, engaged, a plan, three community referrals, follow-ups.</summary>
    public static JourneyState English() =>
        Referred(EnglishClient)
            .WhatMatters(AcceptedAt.AddDays(2), "Getting back to my garden", "Seeing my grandchildren more often", "Feeling less alone in the evenings")
            .PlanAgreed(AcceptedAt.AddDays(3), "Walk to my daughter's house twice a week", "Join a group that meets in the evening")
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000001"), new CommunityProgram("Walking Club", "svc-walk", "Kensington Seniors' Centre"), AcceptedAt.AddDays(3), CommunityReferralStatus.Accepted, CommunityReferralStatus.InProgress)
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000002"), new CommunityProgram("Community Garden Plots", null, "Hillhurst Community Association"), AcceptedAt.AddDays(4))
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000003"), new CommunityProgram("Caregiver Support Circle", null, null), AcceptedAt.AddDays(4), CommunityReferralStatus.Rejected)
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f1"), new DateOnly(2025, 3, 14), AcceptedAt.AddDays(3))
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f3"), new DateOnly(2025, 4, 15), AcceptedAt.AddDays(3))
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f2"), new DateOnly(2025, 4, 1), AcceptedAt.AddDays(3))
            .Build();

    /// <summary>The same journey for a French-speaking person, in her words.</summary>
    public static JourneyState French() =>
        Referred(FrenchClient)
            .WhatMatters(AcceptedAt.AddDays(2), "Retourner à mon jardin", "Voir mes petits-enfants plus souvent", "Me sentir moins seule le soir")
            .PlanAgreed(AcceptedAt.AddDays(3), "Marcher jusqu'à chez ma fille deux fois par semaine", "Me joindre à un groupe qui se rencontre en soirée")
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000001"), new CommunityProgram("Club de marche", "svc-walk", "Centre communautaire francophone"), AcceptedAt.AddDays(3), CommunityReferralStatus.Accepted, CommunityReferralStatus.InProgress)
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000002"), new CommunityProgram("Jardin communautaire", null, "Association communautaire de Hillhurst"), AcceptedAt.AddDays(4))
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000003"), new CommunityProgram("Cercle de soutien aux proches aidants", null, null), AcceptedAt.AddDays(4), CommunityReferralStatus.Rejected)
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f1"), new DateOnly(2025, 3, 14), AcceptedAt.AddDays(3))
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f3"), new DateOnly(2025, 4, 15), AcceptedAt.AddDays(3))
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f2"), new DateOnly(2025, 4, 1), AcceptedAt.AddDays(3))
            .Build();

    /// <summary>The directory's record of the walking club (service <c>svc-walk</c>), as HSDS.</summary>
    public static IReadOnlyDictionary<string, string> Directory { get; } = new Dictionary<string, string>
    {
        ["svc-walk"] = """
            {"id":"0195b2c4-7d1e-7a3c-9f10-00000000aaaa","name":"Walking Club","status":"active","email":"walk@kensington.example",
             "description":"An easy one-hour walk along the river, at everyone's pace.",
             "phones":[{"id":"0195b2c4-7d1e-7a3c-9f10-00000000aab1","number":"403-555-0177"}],
             "cost_options":[{"id":"0195b2c4-7d1e-7a3c-9f10-00000000aab2","amount":0}],
             "schedules":[{"id":"0195b2c4-7d1e-7a3c-9f10-00000000aab3","freq":"WEEKLY","byday":"TU,TH","opens_at":"10:00","closes_at":"11:00"}],
             "service_at_locations":[{"id":"0195b2c4-7d1e-7a3c-9f10-00000000aab4","location":{"id":"0195b2c4-7d1e-7a3c-9f10-00000000aab5","location_type":"physical","name":"Kensington Seniors' Centre",
               "addresses":[{"id":"0195b2c4-7d1e-7a3c-9f10-00000000aab6","address_1":"1415 Kensington Rd NW","city":"Calgary","state_province":"AB","postal_code":"T2N 3P9","country":"CA","address_type":"physical"}]}}]}
            """,
    };

    /// <summary>A journey with its prescription: the walking club (in the directory), a garden (not), a program that said no, and a trip booked.</summary>
    public static JourneyState Prescribed(string lang) =>
        Referred(lang == "fr" ? FrenchClient : EnglishClient)
            .PlanAgreed(AcceptedAt.AddDays(3), lang == "fr" ? "Marcher deux fois par semaine" : "Walk twice a week")
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000001"), new CommunityProgram(lang == "fr" ? "Club de marche" : "Walking Club", "svc-walk", "Kensington Seniors' Centre"), AcceptedAt.AddDays(3), CommunityReferralStatus.Accepted)
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000002"), new CommunityProgram(lang == "fr" ? "Jardin communautaire" : "Community Garden Plots", null, "Hillhurst Community Association"), AcceptedAt.AddDays(4))
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000003"), new CommunityProgram(lang == "fr" ? "Cercle de soutien" : "Caregiver Support Circle", null, null), AcceptedAt.AddDays(4), CommunityReferralStatus.Rejected)
            .Trip(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000d1"), "Kensington Seniors' Centre", new DateTimeOffset(2025, 3, 25, 15, 30, 0, TimeSpan.Zero), AcceptedAt.AddDays(5))
            .FollowUp(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-0000000000f2"), new DateOnly(2025, 4, 1), AcceptedAt.AddDays(3))
            .Build();

    /// <summary>The long journey, measured twice and discharged.</summary>
    public static JourneyState EnglishDischarged() => Measured(Referred(EnglishClient), "en").Discharged(Now.AddDays(-1), "Goals met: walks twice a week.").Build();

    /// <summary>The French journey, measured twice and discharged.</summary>
    public static JourneyState FrenchDischarged() => Measured(Referred(FrenchClient), "fr").Discharged(Now.AddDays(-1), "Objectifs atteints.").Build();

    /// <summary>A journey the person declined after a first conversation.</summary>
    public static JourneyState Declined() => Referred(EnglishClient).Declined(AcceptedAt.AddDays(2), "Prefers to wait until spring.").Build();

    private static JourneyStateBuilder Measured(JourneyStateBuilder journey, string lang) =>
        journey
            .WhatMatters(AcceptedAt.AddDays(2), lang == "fr" ? "Retourner à mon jardin" : "Getting back to my garden")
            .PlanAgreed(AcceptedAt.AddDays(3), lang == "fr" ? "Marcher deux fois par semaine" : "Walk twice a week")
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000001"), new CommunityProgram(lang == "fr" ? "Club de marche" : "Walking Club", "svc-walk", "Kensington Seniors' Centre"), AcceptedAt.AddDays(3), CommunityReferralStatus.Accepted, CommunityReferralStatus.InProgress, CommunityReferralStatus.Completed)
            .CommunityReferral(Guid.Parse("0195b2c4-7d1e-7a3c-9f10-000000000003"), new CommunityProgram(lang == "fr" ? "Cercle de soutien" : "Caregiver Support Circle", null, null), AcceptedAt.AddDays(4), CommunityReferralStatus.Rejected)
            .Assessment("phq9", AssessmentTimepoint.Baseline, 14, "moderate", AcceptedAt.AddDays(2))
            .Assessment("phq9", AssessmentTimepoint.Discharge, 6, "mild", Now.AddDays(-2))
            .Assessment("gad7", AssessmentTimepoint.Baseline, 9, "mild", AcceptedAt.AddDays(2));

    /// <summary>A referral nobody has acted on yet: no link worker, plan, programs or follow-ups.</summary>
    public static JourneyState JustReferred() =>
        new JourneyStateBuilder()
            .Referred(EnglishClient, Referrer, ReferralSource.FamilyPhysician, ReferredAt, "loneliness-and-isolation")
            .Build();

    private static JourneyStateBuilder Referred(ClientDetails client) =>
        new JourneyStateBuilder()
            .Referred(client, Referrer, ReferralSource.FamilyPhysician, ReferredAt, "loneliness-and-isolation", "physical-activity", "caregiver-strain")
            .Accepted("lw-jordan", AcceptedAt, BusinessCalendar.AddBusinessDays(AcceptedAt, Tenant.FirstContactSlaBusinessDays, Tenant))
            .Contacted(AcceptedAt.AddDays(1));
}
