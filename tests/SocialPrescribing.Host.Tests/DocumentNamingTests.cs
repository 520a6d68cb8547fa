using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>Documents name the link worker as their account does, never by the internal id the journey holds.</summary>
[Collection(HostCollection.Name)]
public sealed class DocumentNamingTests(HostFixture fixture)
{
    [Fact]
    public async Task The_plan_summary_names_the_link_worker_by_their_accounts_name_never_their_id()
    {
        var worker = "lw-named-" + Guid.NewGuid().ToString("N")[..6];
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<UserDirectory>()
                .AddAsync(TenantId.Parse(Api.Tenant), worker, "Amara Nwosu", [AccessRoles.LinkWorker], null, TestContext.Current.CancellationToken);
            Assert.True(added.Succeeded, added.Error);
        }

        var journey = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = worker });

        foreach (var (lang, words) in new[] { ("en", "Your link worker, <strong>Amara Nwosu</strong>"), ("fr", "liaison, <strong>Amara Nwosu</strong>") })
        {
            using var document = await fixture.Factory.SendAsAsync(HttpMethod.Get, $"{Api.Journeys()}/{journey}/documents/plan-summary?lang={lang}", worker, [AccessRoles.LinkWorker]);
            var html = await document.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Contains(words, html, StringComparison.Ordinal);
            Assert.DoesNotContain(worker, html, StringComparison.Ordinal);
        }
    }
}
