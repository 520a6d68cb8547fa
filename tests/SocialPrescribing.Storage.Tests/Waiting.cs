namespace SocialPrescribing.Storage.Tests;

/// <summary>Waiting for a store to reach a state another thread or connection brings about, within 30 seconds.</summary>
internal static class Waiting
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task UntilAsync(Func<bool> condition, string what = "the store") => UntilAsync(() => Task.FromResult(condition()), what);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what = "the store")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
