using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using SocialPrescribing.Host.Tests.ContractClient;
using SocialPrescribing.Host.Tests.ContractClient.Api.V1.Tenants.Item.Journeys;
using SocialPrescribing.Host.Tests.ContractClient.Models;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// An integrator's view: a C# client Kiota generates from the checked-in contract (docs/openapi/v1.json, see the
/// project file) calls the real host. Together with <see cref="OpenApiContractTests"/>, which keeps that contract
/// equal to the served document, this shows the document is enough to call the API.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ContractClientTests(HostFixture fixture)
{
    private const string LinkWorker = "lw-contract-client";

    [Fact]
    public async Task A_generated_client_takes_a_referral_to_an_agreed_plan_and_finds_it_on_the_caseload()
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = Client().Api.V1.Tenants[Api.Tenant];

        var received = await tenant.Referrals.PostAsync(
            new ReferralRequest
            {
                Client = new ClientRequest { GivenName = "Marie", FamilyName = "Tremblay", BirthDate = "1948-03-14", PostalCode = "T2P 1J9", PreferredLanguage = ClientRequest_preferredLanguage.Fr },
                Referrer = new ReferrerRequest { Name = "Dr. Amir Patel", Organization = "Bow Valley Family Clinic", Role = "family physician" },
                Source = ReferralRequest_source.FamilyPhysician,
                Reasons = ["loneliness-and-isolation"],
            },
            cancellationToken: ct);
        var journeyId = received!.JourneyId!.Value;
        var journey = tenant.Journeys[journeyId];
        await journey.Accept.PostAsync(new AcceptRequest { LinkWorkerId = LinkWorker }, cancellationToken: ct);
        await journey.RecordContact.PostAsync(new ContactRequest { Mode = ContactRequest_mode.Phone }, cancellationToken: ct);
        await journey.RecordWhatMatters.PostAsync(new WhatMattersRequest { Items = ["Getting out of the house"] }, cancellationToken: ct);
        var planned = await journey.AgreePlan.PostAsync(new PlanRequest { Goals = ["Join a walking group"] }, cancellationToken: ct);

        Assert.Equal(CommandResponse_status.Engaged, planned!.Status);
        var read = await journey.GetAsync(cancellationToken: ct);
        Assert.Equal(JourneyResponse_status.Engaged, read!.Status);
        Assert.Equal(LinkWorker, read.LinkWorkerId);
        Assert.Equal(["Join a walking group"], read.Plan!.Goals!);
        var caseload = await tenant.Journeys.GetAsync(
            request =>
            {
                request.QueryParameters.LinkWorker = LinkWorker;
                request.QueryParameters.Status = GetStatusQueryParameterType.Engaged;
                request.QueryParameters.PageSize = 10;
            },
            ct);
        var item = Assert.Single(caseload!.Items!);
        Assert.Equal(journeyId, item.JourneyId);
        Assert.Equal(CaseloadItem_status.Engaged, item.Status);
    }

    [Fact]
    public async Task A_generated_client_receives_an_unknown_journey_as_problem_details()
    {
        var tenant = Client().Api.V1.Tenants[Api.Tenant];

        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => tenant.Journeys[Guid.NewGuid()].GetAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(404, problem.Status);
    }

    private SocialPrescribingClient Client() =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: fixture.Client)
        {
            BaseUrl = fixture.Client.BaseAddress!.ToString().TrimEnd('/'),
        });
}
