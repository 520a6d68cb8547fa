namespace SocialPrescribing.Storage.Tests;

/// <summary>Caseload pages after a position (keyset), and totals the caller knows already.</summary>
public abstract partial class JourneyStoreConformance
{
    [Fact]
    public async Task Pages_after_a_position_list_what_numbered_pages_list_in_the_same_order_ties_included()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 13; i++)
        {
            // Three journeys to each referral minute: ties on the time, ordered by id.
            await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary(i % 3 == 0 ? "engaged" : "accepted", worker, minute: i / 3)), Token);
        }

        foreach (var status in new string?[] { null, "accepted" })
        {
            var numbered = (await Store.QueryAsync(Alberta, new JourneyQuery(status, worker, 1, 100), Token)).Items.Select(i => i.JourneyId).ToList();
            var walked = new List<Guid>();
            JourneyListPosition? after = null;
            do
            {
                var page = await Store.QueryAsync(Alberta, new JourneyQuery(status, worker, 1, 2) { After = after }, Token);
                Assert.Equal(numbered.Count, page.Total);
                walked.AddRange(page.Items.Select(i => i.JourneyId));
                after = page.Items.Count == 2 ? page.Last : null;
            }
            while (after is not null);

            Assert.Equal(numbered, walked);
        }
    }

    [Fact]
    public async Task A_total_the_caller_knows_is_given_back_and_the_rows_are_not_counted()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("accepted", worker)), Token);

        var page = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10) { KnownTotal = 12_345 }, Token);

        Assert.Equal(12_345, page.Total);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task A_position_is_refused_with_another_order_or_a_numbered_page()
    {
        var position = new JourneyListPosition(T0, Guid.NewGuid());

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(Alberta, new JourneyQuery(null, null, 2, 10) { After = position }, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(Alberta, new JourneyQuery(null, null, 1, 10) { After = position, ByUrgency = true }, Token));
    }
}
